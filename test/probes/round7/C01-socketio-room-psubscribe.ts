import { Server } from 'socket.io';
import { Redis } from 'ioredis';

const io = new Server(3000);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const sub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

// Every socket follows the board it asked for: relay that board's Redis pattern to it.
io.on('connection', (socket) => {
  const board = String(socket.handshake.query.board ?? 'main');
  const relay = (_pattern: string, channel: string, message: string) => {
    if (channel.startsWith(`board:${board}:`)) socket.emit('update', message);
  };
  void sub.psubscribe(`board:${board}:*`);
  sub.on('pmessage', relay);
  socket.on('note', (text: string) => void redis.publish(`board:${board}:notes`, text));
  socket.on('disconnect', () => {
    sub.off('pmessage', relay);
    void sub.punsubscribe(`board:${board}:*`);
  });
});
