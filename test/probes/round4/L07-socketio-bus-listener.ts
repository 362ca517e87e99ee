import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';

export const orders = new EventEmitter();
const io = new Server(3000);

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.account);
  orders.on('created', (order: { account: string }) => {
    if (order.account === room) socket.emit('order', order);
  });
  socket.on('disconnect', () => {
    console.log('client left', socket.id);
  });
});
