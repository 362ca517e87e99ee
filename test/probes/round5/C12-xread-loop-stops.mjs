import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';

const redis = new Redis();
const shutdown = new AbortController();

// Consume the task stream until shutdown.
async function consumeTasks(handle, signal) {
  let lastId = '$';
  while (!signal.aborted) {
    try {
      const res = await redis.xread('BLOCK', 5000, 'STREAMS', 'tasks', lastId);
      for (const [, entries] of res ?? []) {
        for (const [id, fields] of entries) {
          lastId = id;
          await handle(fields);
        }
      }
    } catch (err) {
      if (signal.aborted) return;
      console.warn('xread failed', err);
      await sleep(1000, undefined, { signal }).catch(() => {});
    }
  }
}

void consumeTasks(async (fields) => console.log('task', fields), shutdown.signal);
process.once('SIGTERM', () => {
  shutdown.abort();
  void redis.quit();
});
