import express from 'express';
import { FlowProducer } from 'bullmq';

const app = express();
app.use(express.json());
const connection = { host: 'redis', port: 6379 };

app.post('/reports', async (req, res) => {
  const flow = new FlowProducer({ connection });
  try {
    const tree = await flow.add({
      name: 'merge',
      queueName: 'reports',
      data: { id: req.body.id },
      children: (req.body.parts as string[]).map((part) => ({ name: 'render', queueName: 'renders', data: { part } })),
    });
    res.status(202).json({ id: tree.job.id });
  } finally {
    await flow.close();
  }
});

app.listen(3000);
