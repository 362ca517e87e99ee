import { Server } from 'socket.io';

const io = new Server(3000);

function bindTyping(socket, currentRoom) {
  socket.on('typing', (who) => {
    const room = currentRoom();
    if (room) socket.to(room).emit('typing', who);
  });
}

io.on('connection', (socket) => {
  let room;
  bindTyping(socket, () => room);
  socket.on('join-room', (next) => {
    if (room) socket.leave(room);
    room = next;
    socket.join(next);
  });
});
