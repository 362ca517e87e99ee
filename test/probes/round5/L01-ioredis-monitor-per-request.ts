import express from 'express';
import { Redis } from 'ioredis';

const redis = new Redis();
const app = express();

// Admin page: stream every command the server sees (Server-Sent Events).
app.get('/admin/commands', async (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const monitor = await redis.monitor();
  monitor.on('monitor', (time: string, args: string[]) => {
    res.write(`data: ${JSON.stringify({ time, args })}\n\n`);
  });
});

app.listen(3001);
