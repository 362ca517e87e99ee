import { Redis } from 'ioredis';

const redis = new Redis();

// Consume the task stream forever.
async function consumeTasks(handle) {
  let lastId = '$';
  while (true) {
    try {
      const res = await redis.xread('BLOCK', 0, 'STREAMS', 'tasks', lastId);
      for (const [, entries] of res ?? []) {
        for (const [id, fields] of entries) {
          lastId = id;
          await handle(fields);
        }
      }
    } catch (err) {
      console.warn('xread failed', err);
    }
  }
}

void consumeTasks(async (fields) => console.log('task', fields));
process.once('SIGTERM', () => void redis.quit());
