import express from 'express';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const server = createServer(app);
const io = new Server(server);

io.on('connection', (socket) => {
  const gameId = String(socket.handshake.query.game);
  socket.join(gameId);
});

app.post('/games/:id/start', (req, res) => {
  io.to(req.params.id).emit('started', { gameId: req.params.id });
  res.sendStatus(204);
});

server.listen(3000);
