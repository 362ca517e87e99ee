import Koa from 'koa';
import { cache } from './hL19-cache.js';

const app = new Koa();

// Renders a report; marks the response stale if the cache is flushed while it renders.
app.use(async (ctx) => {
  let stale = false;
  cache.on('flush', () => {
    stale = true;
  });
  const key = `report:${ctx.path}`;
  const report = cache.get(key) ?? (await new Promise((r) => setTimeout(() => r({ path: ctx.path }), 50)));
  cache.set(key, report);
  ctx.set('x-stale', String(stale));
  ctx.body = report;
});

app.listen(3000);
