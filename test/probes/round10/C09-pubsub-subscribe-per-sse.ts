import express from 'express';
import { PubSub } from 'graphql-subscriptions';

const pubsub = new PubSub();
const app = express();

app.get('/orders/:id/events', (req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const subId = pubsub.subscribe(`ORDER_${req.params.id}`, (order: unknown) => {
    res.write(`data: ${JSON.stringify(order)}\n\n`);
  });
  req.on('close', () => {
    void Promise.resolve(subId).then((id) => pubsub.unsubscribe(id));
  });
});

app.post('/orders/:id/status', express.json(), async (req, res) => {
  await pubsub.publish(`ORDER_${req.params.id}`, req.body);
  res.sendStatus(204);
});

app.listen(3000);
