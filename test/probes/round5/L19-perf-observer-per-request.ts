import http from 'node:http';
import { PerformanceObserver, performance } from 'node:perf_hooks';

// Log how long each request spends in garbage collection.
const server = http.createServer(async (req, res) => {
  let gcMs = 0;
  const obs = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  obs.observe({ entryTypes: ['gc'] });
  const start = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 20));
  res.end(JSON.stringify({ took: performance.now() - start, gcMs, url: req.url }));
});

server.listen(3006);
