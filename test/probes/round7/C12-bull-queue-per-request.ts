import express from 'express';
import Queue from 'bull';

const app = express();
app.use(express.json());

// Each tenant has its own thumbnail queue.
app.post('/tenants/:tenant/thumbnails', async (req, res) => {
  const queue = new Queue(`thumbnails:${req.params.tenant}`, process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  try {
    const job = await queue.add({ url: req.body.url });
    res.status(202).json({ id: job.id });
  } finally {
    await queue.close();
  }
});

app.listen(3000);
