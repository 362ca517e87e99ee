import { Server } from 'socket.io';
import { setTimeout as sleep } from 'node:timers/promises';

const io = new Server(3000);

async function queueDepth(room: string): Promise<number> {
  return room.length;
}

// Pushes the room's queue depth to each connected client every two seconds.
io.on('connection', (socket) => {
  const room = String(socket.handshake.query.room ?? 'lobby');
  void (async () => {
    while (socket.connected) {
      socket.emit('depth', await queueDepth(room));
      await sleep(2_000);
    }
  })();
});
