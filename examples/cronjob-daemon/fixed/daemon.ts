import cron from 'node-cron';
import { Redis } from 'ioredis';

import { subscribeNewTaskMsgIfAvailable } from './subscribe';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

/** Owns everything the daemon starts: aborted once, on shutdown. */
const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

let pending = false;

function wake(): void {
  pending = true;
}

async function runPendingTasks(): Promise<void> {
  if (!pending) return;
  pending = false;
  const task = await redis.lpop('pending-tasks');
  if (task) console.log('ran task', task);
}

// Subscribe once, for the life of the daemon; the cron job only runs pending tasks.
subscribeNewTaskMsgIfAvailable(redis, wake, shutdown.signal);

const job = cron.schedule('*/5 * * * * *', async () => {
  await runPendingTasks();
});

// On shutdown: no more ticks, and close the main connection so the process can exit.
shutdown.signal.addEventListener(
  'abort',
  () => {
    void job.stop();
    void redis.quit();
  },
  { once: true },
);
