import express from 'express';

// An HTTP client whose calls are all cancelled when the service shuts down.
class Upstream {
  constructor(private readonly base: string, private readonly shutdown: AbortSignal) {}

  async get(path: string): Promise<unknown> {
    const ctl = new AbortController();
    this.shutdown.addEventListener('abort', ctl.abort.bind(ctl));
    const timer = setTimeout(() => ctl.abort(new Error('timeout')), 10_000);
    try {
      const res = await fetch(new URL(path, this.base), { signal: ctl.signal });
      return await res.json();
    } finally {
      clearTimeout(timer);
    }
  }
}

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());
const upstream = new Upstream('http://inventory:8080', shutdown.signal);

const app = express();
app.get('/stock/:sku', async (req, res) => {
  res.json(await upstream.get(`/stock/${req.params.sku}`));
});
app.listen(3000);
