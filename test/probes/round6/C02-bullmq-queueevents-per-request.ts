import express from 'express';
import { Queue, QueueEvents } from 'bullmq';

const connection = { host: '127.0.0.1', port: 6379 };
const renderQueue = new Queue('render', { connection });
const app = express();
app.use(express.json());

async function renderAndWait(input: unknown, timeoutMs: number): Promise<unknown> {
  const job = await renderQueue.add('render', input);
  const events = new QueueEvents('render', { connection });
  try {
    return await job.waitUntilFinished(events, timeoutMs);
  } finally {
    await events.close();
  }
}

app.post('/render', async (req, res) => {
  try {
    const result = await renderAndWait(req.body, 10_000);
    res.json({ result });
  } catch (err) {
    res.status(504).json({ error: String(err) });
  }
});

app.listen(3000);
