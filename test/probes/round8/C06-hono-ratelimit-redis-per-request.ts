import { Hono } from 'hono';
import { Redis } from 'ioredis';

class Limiter {
  private readonly redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  async hit(key: string) {
    const n = await this.redis.incr(key);
    if (n === 1) await this.redis.expire(key, 60);
    return n;
  }
  async [Symbol.asyncDispose]() {
    await this.redis.quit();
  }
}

const app = new Hono();

// Fixed-window rate limit: 100 requests a minute per client address.
app.use('/api/*', async (c, next) => {
  await using limiter = new Limiter();
  const n = await limiter.hit(`rl:${c.req.header('x-forwarded-for') ?? 'local'}:${Math.floor(Date.now() / 60_000)}`);
  if (n > 100) return c.text('slow down', 429);
  await next();
});

app.get('/api/items', (c) => c.json([]));

export default app;
