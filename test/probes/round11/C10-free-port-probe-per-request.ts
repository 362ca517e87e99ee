import { Hono } from 'hono';
import { createServer } from 'node:net';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const app = new Hono();

app.post('/ports', async (c) => {
  const port = await freePort();
  return c.json({ port });
});

export default app;
