import { Hono } from 'hono';
import { Redis } from 'ioredis';

const app = new Hono();

// Fixed-window rate limit: 100 requests a minute per client address.
app.use('/api/*', async (c, next) => {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  const key = `rl:${c.req.header('x-forwarded-for') ?? 'local'}:${Math.floor(Date.now() / 60_000)}`;
  const n = await redis.incr(key);
  if (n === 1) await redis.expire(key, 60);
  if (n > 100) return c.text('slow down', 429);
  await next();
});

app.get('/api/items', (c) => c.json([]));

export default app;
