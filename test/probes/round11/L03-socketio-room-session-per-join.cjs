const { Server } = require('socket.io');

const io = new Server(3000);

class RoomSession {
  constructor(socket, room) {
    this.socket = socket;
    this.room = room;
    this.onChat = (text) => io.to(this.room).emit('chat', { from: socket.id, text });
    socket.on('chat', this.onChat); // LEAK
  }
}

io.on('connection', (socket) => {
  socket.on('join', (room) => {
    socket.join(room);
    new RoomSession(socket, room); // LEAK (helper)
  });
});
