import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';

export const orders = new EventEmitter();
const io = new Server(3000);

io.on('connection', (socket) => {
  const room = String(socket.handshake.query.account);
  const forward = (order: { account: string }) => {
    if (order.account === room) socket.emit('order', order);
  };
  orders.on('created', forward);
  socket.on('disconnect', () => {
    orders.off('created', forward);
  });
});
