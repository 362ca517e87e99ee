import { Redis } from 'ioredis';
import { createServer } from 'node:http';

async function main() {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
  redis.on('error', (err) => console.error('redis', err));
  const stats = { requests: 0 };
  setInterval(() => {
    void redis.hincrby('stats', 'requests', stats.requests);
    stats.requests = 0;
  }, 60_000).unref();

  const server = createServer((_req, res) => {
    stats.requests++;
    res.end('ok');
  });
  server.listen(8080);

  process.on('SIGTERM', () => {
    server.close(() => void redis.quit());
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
