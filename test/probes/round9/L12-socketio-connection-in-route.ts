import express from 'express';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const server = createServer(app);
const io = new Server(server);

app.post('/games/:id/start', (req, res) => {
  const gameId = req.params.id;
  io.on('connection', (socket) => { // LEAK
    socket.join(gameId);
    socket.emit('started', { gameId });
  });
  res.sendStatus(204);
});

server.listen(3000);
