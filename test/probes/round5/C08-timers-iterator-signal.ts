import { setInterval as every } from 'node:timers/promises';
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 8082 });

async function streamPrices(socket: WebSocket, symbol: string, signal: AbortSignal): Promise<void> {
  for await (const _ of every(1000, undefined, { signal })) {
    socket.send(JSON.stringify({ symbol, price: Math.random() * 100 }));
  }
}

wss.on('connection', (socket) => {
  const closed = new AbortController();
  socket.on('close', () => closed.abort());
  socket.on('message', (data) => {
    const { subscribe } = JSON.parse(String(data)) as { subscribe: string };
    streamPrices(socket, subscribe, closed.signal).catch(() => {});
  });
});
