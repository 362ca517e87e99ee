import Fastify from 'fastify';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

const app = Fastify();

app.get('/healthz', async () => {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable(); // LEAK
  await sleep(500);
  const p99 = histogram.percentile(99) / 1e6;
  return { ok: p99 < 200, p99 };
});

await app.listen({ port: 3000 });
