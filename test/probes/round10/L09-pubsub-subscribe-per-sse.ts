import express from 'express';
import { PubSub } from 'graphql-subscriptions';

const pubsub = new PubSub();
const app = express();

app.get('/orders/:id/events', (req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  pubsub.subscribe(`ORDER_${req.params.id}`, (order: unknown) => { // LEAK
    res.write(`data: ${JSON.stringify(order)}\n\n`);
  });
});

app.post('/orders/:id/status', express.json(), async (req, res) => {
  await pubsub.publish(`ORDER_${req.params.id}`, req.body);
  res.sendStatus(204);
});

app.listen(3000);
