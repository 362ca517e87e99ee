import type { Redis } from 'ioredis';

/** Wakes the scheduler when a producer announces a new task, until `signal` aborts. */
export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void, signal: AbortSignal) {
  if (!client) return;
  const sub = client.duplicate();
  void sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
  // A signal that has aborted already fires no 'abort' event: end the subscriber now.
  if (signal.aborted) void sub.quit();
  else signal.addEventListener('abort', () => void sub.quit(), { once: true });
}
