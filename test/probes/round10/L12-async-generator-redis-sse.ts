import express from 'express';
import { Redis } from 'ioredis';

const redis = new Redis();
const app = express();

async function* messages(channel: string) {
  const sub = redis.duplicate(); // LEAK
  await sub.subscribe(channel);
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  sub.on('message', (_ch, message) => {
    queue.push(message);
    wake?.();
  });
  while (true) {
    while (queue.length) yield queue.shift()!;
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

app.get('/feed/:channel', async (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  for await (const message of messages(req.params.channel)) { // LEAK (helper)
    if (req.destroyed) break;
    res.write(`data: ${message}\n\n`);
  }
});

app.listen(3000);
