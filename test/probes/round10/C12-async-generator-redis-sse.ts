import express from 'express';
import { Redis } from 'ioredis';

const redis = new Redis();
const app = express();

async function* messages(channel: string, signal: AbortSignal) {
  const sub = redis.duplicate();
  try {
    await sub.subscribe(channel);
    const queue: string[] = [];
    let wake: (() => void) | undefined;
    sub.on('message', (_ch, message) => {
      queue.push(message);
      wake?.();
    });
    signal.addEventListener('abort', () => wake?.(), { once: true });
    while (!signal.aborted) {
      while (queue.length) yield queue.shift()!;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await sub.quit();
  }
}

app.get('/feed/:channel', async (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  const closed = new AbortController();
  req.on('close', () => closed.abort());
  for await (const message of messages(req.params.channel, closed.signal)) {
    res.write(`data: ${message}\n\n`);
  }
});

app.listen(3000);
