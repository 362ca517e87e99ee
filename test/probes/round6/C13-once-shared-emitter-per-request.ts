import { EventEmitter, once } from 'node:events';
import { randomUUID } from 'node:crypto';
import express from 'express';

// Results come back from the worker pool on one process-wide emitter.
const results = new EventEmitter();
results.setMaxListeners(0);

function submitToPool(id: string, payload: unknown): void {
  // stands in for a postMessage to a worker; the worker emits `done:<id>`, or nothing if it crashed
  setTimeout(() => results.emit(`done:${id}`, { id, payload }), 100);
}

async function runJob(payload: unknown, signal: AbortSignal): Promise<unknown> {
  const id = randomUUID();
  const done = once(results, `done:${id}`, { signal });
  submitToPool(id, payload);
  const [result] = await done;
  return result;
}

const app = express();
app.use(express.json());
app.post('/jobs', async (req, res) => {
  const ctl = new AbortController();
  res.on('close', () => ctl.abort());
  try {
    res.json(await runJob(req.body, AbortSignal.any([ctl.signal, AbortSignal.timeout(30_000)])));
  } catch {
    if (!res.headersSent) res.status(504).end();
  }
});
app.listen(3000);
