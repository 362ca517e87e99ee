import { io } from 'socket.io-client';

const prices = new Map();
const socket = io(process.env.FEED_URL ?? 'http://localhost:4000', { reconnectionDelayMax: 10_000 });

// On each (re)connect, ask for the symbols we follow and take their prices.
socket.on('connect', () => {
  socket.emit('follow', ['AAPL', 'MSFT']);
  socket.on('price', ({ symbol, price }) => prices.set(symbol, price));
});

export const priceOf = (symbol) => prices.get(symbol);
