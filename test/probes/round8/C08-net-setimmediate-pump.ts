import net from 'node:net';

const backlog: Buffer[] = [];

// Each client gets the shared backlog streamed to it, one chunk per turn of the event loop,
// until it goes away.
function startPump(socket: net.Socket) {
  let next: NodeJS.Immediate | undefined;
  const pump = (from: number) => {
    if (from < backlog.length) socket.write(backlog[from]!);
    next = setImmediate(pump, Math.min(from + 1, backlog.length));
  };
  pump(0);
  socket.once('close', () => clearImmediate(next));
}

net
  .createServer((socket) => {
    startPump(socket);
  })
  .listen(7000);

export function append(chunk: Buffer) {
  backlog.push(chunk);
}
