import cron from 'node-cron';
import { Redis } from 'ioredis';

const pending: string[] = [];

async function pullShardEvents(shard: string, signal: AbortSignal): Promise<void> {
  const sub = new Redis({ host: '127.0.0.1', port: 6379 });
  signal.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.ssubscribe(`events:{${shard}}`);
  sub.on('smessage', (_channel: string, message: string) => {
    pending.push(message);
  });
}

async function main() {
  const shutdown = new AbortController();
  process.once('SIGTERM', () => shutdown.abort());
  await pullShardEvents('eu', shutdown.signal);
  const task = cron.schedule('*/10 * * * * *', () => {
    while (pending.length) console.log('event', pending.shift());
  });
  shutdown.signal.addEventListener('abort', () => task.stop(), { once: true });
}

void main();
