import cron from 'node-cron';
import { Redis } from 'ioredis';

import { subscribeNewTaskMsgIfAvailable } from './subscribe';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

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

cron.schedule('*/5 * * * * *', async () => {
  subscribeNewTaskMsgIfAvailable(redis, wake); // one more connection and listener on every tick
  await runPendingTasks();
});
