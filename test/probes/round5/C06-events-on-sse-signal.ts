import { EventEmitter, on } from 'node:events';
import express from 'express';

const orders = new EventEmitter();
const app = express();

app.post('/orders', express.json(), (req, res) => {
  orders.emit('created', req.body);
  res.sendStatus(201);
});

// Live feed of new orders, until the client goes away.
app.get('/orders/live', async (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const gone = new AbortController();
  req.on('close', () => gone.abort());
  try {
    for await (const [order] of on(orders, 'created', { signal: gone.signal })) {
      res.write(`data: ${JSON.stringify(order)}\n\n`);
    }
  } catch (err) {
    if (!gone.signal.aborted) throw err;
  }
});

app.listen(3002);
