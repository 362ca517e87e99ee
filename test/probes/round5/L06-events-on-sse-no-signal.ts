import { EventEmitter, on } from 'node:events';
import express from 'express';

const orders = new EventEmitter();
const app = express();

app.post('/orders', express.json(), (req, res) => {
  orders.emit('created', req.body);
  res.sendStatus(201);
});

// Live feed of new orders.
app.get('/orders/live', async (_req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  for await (const [order] of on(orders, 'created')) {
    res.write(`data: ${JSON.stringify(order)}\n\n`);
  }
});

app.listen(3002);
