import { Server } from 'socket.io';

const io = new Server(3001, { cors: { origin: '*' } });

async function quote(symbol: string): Promise<number> {
  const res = await fetch(`https://quotes.example.com/${symbol}`);
  return ((await res.json()) as { price: number }).price;
}

io.on('connection', (socket) => {
  socket.on('watch', (symbol: string) => {
    const tick = () => {
      quote(symbol)
        .then((price) => socket.emit('price', { symbol, price }))
        .finally(() => setTimeout(tick, 1000));
    };
    tick();
  });
});
