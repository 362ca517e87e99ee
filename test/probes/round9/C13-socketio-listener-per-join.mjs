import { Server } from 'socket.io';

const io = new Server(3000);

io.on('connection', (socket) => {
  let room;
  socket.on('join', (next) => {
    if (room) socket.leave(room);
    room = next;
    socket.join(room);
  });
  socket.on('chat', (text) => {
    if (room) io.to(room).emit('chat', { from: socket.id, text });
  });
});
