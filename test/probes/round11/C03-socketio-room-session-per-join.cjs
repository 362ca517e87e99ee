const { Server } = require('socket.io');

const io = new Server(3000);

class RoomSession {
  constructor(socket, room) {
    this.socket = socket;
    this.room = room;
    this.onChat = (text) => io.to(this.room).emit('chat', { from: socket.id, text });
    socket.on('chat', this.onChat);
  }

  dispose() {
    this.socket.off('chat', this.onChat);
    this.socket.leave(this.room);
  }
}

io.on('connection', (socket) => {
  let session;
  socket.on('join', (room) => {
    session?.dispose();
    socket.join(room);
    session = new RoomSession(socket, room);
  });
});
