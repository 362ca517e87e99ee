import { WebSocketServer, type WebSocket } from 'ws';

const wss = new WebSocketServer({ port: 8081 });
const alive = new WeakMap<WebSocket, boolean>();

wss.on('connection', (socket) => {
  alive.set(socket, true);
  socket.on('pong', () => alive.set(socket, true));
  const heartbeat = setInterval(() => {
    if (!alive.get(socket)) return socket.terminate();
    alive.set(socket, false);
    socket.ping();
  }, 30_000);
  socket.on('message', (data) => socket.send(`echo ${String(data)}`));
  socket.on('error', (err) => console.warn('socket error', err.message));
  void heartbeat;
});
