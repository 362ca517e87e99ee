import net from 'node:net';

const backlog: Buffer[] = [];

// Each client gets the shared backlog streamed to it, one chunk per turn of the event loop.
function pump(socket: net.Socket, from: number) {
  if (from < backlog.length) socket.write(backlog[from]!);
  setImmediate(pump, socket, Math.min(from + 1, backlog.length));
}

net
  .createServer((socket) => {
    pump(socket, 0);
  })
  .listen(7000);

export function append(chunk: Buffer) {
  backlog.push(chunk);
}
