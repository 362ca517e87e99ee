import type { Redis } from 'ioredis';

/** Wakes the scheduler when a producer announces a new task. Called on every cron tick. */
export function subscribeNewTaskMsgIfAvailable(client: Redis | undefined, onNewTask: () => void) {
  if (!client) return;
  const sub = client.duplicate(); // a new connection, never closed
  void sub.subscribe('new-task'); // never unsubscribed
  sub.on('message', () => onNewTask()); // never removed
}
