import { EventEmitter, once } from 'node:events';
import { randomUUID } from 'node:crypto';
import express from 'express';

const results = new EventEmitter();
const queue: { id: string; body: unknown }[] = [];

const app = express();
app.use(express.json());

app.post('/jobs', async (req, res) => {
  const id = randomUUID();
  queue.push({ id, body: req.body });
  try {
    const [result] = await once(results, `done:${id}`, { signal: AbortSignal.timeout(30_000) });
    res.json(result);
  } catch {
    res.status(504).end();
  }
});

app.listen(3000);
