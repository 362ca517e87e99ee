import { Server } from 'socket.io';

const io = new Server(3000);

function bindTyping(socket, room) {
  socket.on('typing', (who) => socket.to(room).emit('typing', who)); // LEAK
}

io.on('connection', (socket) => {
  socket.on('join-room', (room) => {
    socket.join(room);
    bindTyping(socket, room); // LEAK (helper)
  });
});
