import express from 'express';
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'orders-api', brokers: ['kafka:9092'] });
const app = express();
app.use(express.json());

app.post('/orders', async (req, res) => {
  const producer = kafka.producer(); // LEAK
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ key: String(req.body.id), value: JSON.stringify(req.body) }] });
  res.status(202).json({ queued: true });
});

app.listen(3000);
