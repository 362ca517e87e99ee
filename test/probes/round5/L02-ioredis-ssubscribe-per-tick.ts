import cron from 'node-cron';
import { Redis } from 'ioredis';

const pending: string[] = [];

async function pullShardEvents(shard: string): Promise<void> {
  const sub = new Redis({ host: '127.0.0.1', port: 6379 });
  await sub.ssubscribe(`events:{${shard}}`);
  sub.on('smessage', (_channel: string, message: string) => {
    pending.push(message);
  });
}

cron.schedule('*/10 * * * * *', async () => {
  await pullShardEvents('eu');
  while (pending.length) console.log('event', pending.shift());
});
