import type { Redis } from 'ioredis';

/** Wakes the scheduler when a producer announces a new task, until `signal` aborts. */
export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void, signal: AbortSignal) {
  if (!client) return;
  const sub = client.duplicate();
  void sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
  signal.addEventListener('abort', () => void sub.quit(), { once: true });
}
