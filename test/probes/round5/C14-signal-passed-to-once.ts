import { once } from 'node:events';
import net from 'node:net';

// Connect to a peer and wait for its greeting; the caller may give up.
export async function greet(host: string, port: number, signal: AbortSignal): Promise<string> {
  if (signal.aborted) throw signal.reason;
  const socket = net.connect({ host, port });
  try {
    const [chunk] = await once(socket, 'data', { signal });
    return String(chunk);
  } finally {
    socket.destroy();
  }
}

const server = net.createServer((s) => s.end('hello\n')).listen(0, async () => {
  const { port } = server.address() as net.AddressInfo;
  console.log(await greet('127.0.0.1', port, AbortSignal.timeout(1000)));
  server.close();
});
