import { Server } from 'socket.io';

const io = new Server(3000);

io.on('connection', (socket) => {
  socket.on('join', (room) => {
    socket.join(room);
    socket.on('chat', (text) => { // LEAK
      io.to(room).emit('chat', { from: socket.id, text });
    });
  });
});
