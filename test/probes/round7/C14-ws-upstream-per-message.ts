import WebSocket, { WebSocketServer } from 'ws';

const UPSTREAM = process.env.UPSTREAM ?? 'ws://127.0.0.1:9000/quotes';
const wss = new WebSocketServer({ port: 8080 });

// A client sends the symbol it wants; we relay that symbol's upstream quotes to it.
wss.on('connection', (client) => {
  let upstream: WebSocket | undefined;
  client.on('message', (data) => {
    const symbol = data.toString();
    upstream?.close();
    upstream = new WebSocket(`${UPSTREAM}?symbol=${encodeURIComponent(symbol)}`);
    upstream.on('message', (quote) => client.send(quote.toString()));
  });
  client.on('close', () => upstream?.close());
});
