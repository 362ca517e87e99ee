import express from 'express';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const app = express();

app.get('/orders/stream', (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  const client = createClient({ url: 'ws://graphql.internal/graphql', webSocketImpl: WebSocket });
  const unsubscribe = client.subscribe(
    { query: 'subscription { orderCreated { id total } }' },
    {
      next: (data) => res.write(`data: ${JSON.stringify(data)}\n\n`),
      error: (err) => res.destroy(err as Error),
      complete: () => res.end(),
    },
  );
  req.on('close', () => {
    unsubscribe();
    void client.dispose();
  });
});

app.listen(3000);
