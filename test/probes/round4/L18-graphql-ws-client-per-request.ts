import express from 'express';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const app = express();

app.get('/orders/stream', (req, res) => {
  res.setHeader('content-type', 'text/event-stream');
  const client = createClient({ url: 'ws://graphql.internal/graphql', webSocketImpl: WebSocket });
  client.subscribe(
    { query: 'subscription { orderCreated { id total } }' },
    {
      next: (data) => res.write(`data: ${JSON.stringify(data)}\n\n`),
      error: (err) => res.destroy(err as Error),
      complete: () => res.end(),
    },
  );
});

app.listen(3000);
