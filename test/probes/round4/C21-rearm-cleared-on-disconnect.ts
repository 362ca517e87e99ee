import { Server } from 'socket.io';

const io = new Server(3001, { cors: { origin: '*' } });

async function quote(symbol: string): Promise<number> {
  const res = await fetch(`https://quotes.example.com/${symbol}`);
  return ((await res.json()) as { price: number }).price;
}

io.on('connection', (socket) => {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  socket.on('watch', (symbol: string) => {
    clearTimeout(timer);
    const tick = () => {
      quote(symbol)
        .then((price) => socket.emit('price', { symbol, price }))
        .finally(() => {
          if (!closed) timer = setTimeout(tick, 1000);
        });
    };
    tick();
  });
  socket.on('disconnect', () => {
    closed = true;
    clearTimeout(timer);
  });
});
