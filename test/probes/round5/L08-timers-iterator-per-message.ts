import { setInterval as every } from 'node:timers/promises';
import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 8082 });

async function streamPrices(socket: WebSocket, symbol: string): Promise<void> {
  for await (const _ of every(1000)) {
    socket.send(JSON.stringify({ symbol, price: Math.random() * 100 }));
  }
}

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    const { subscribe } = JSON.parse(String(data)) as { subscribe: string };
    void streamPrices(socket, subscribe);
  });
});
