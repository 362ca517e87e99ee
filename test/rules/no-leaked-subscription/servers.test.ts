import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: servers and sockets', rule, {
  valid: [
    // the one-request server closes itself in its own request listener
    `
import http from 'node:http';

export function loginViaWeb(open: (url: string) => void, done: (url: string | undefined) => void) {
  const server = http.createServer((req, res) => {
    res.end('You can go back to your terminal now');
    server.close();
    done(req.url);
  });
  server.listen(43532, () => open('http://localhost:43532'));
}
`,
    // made, not listened: the caller listens and owns it
    `
import http from 'node:http';

export function makeServer(app: http.RequestListener) {
  const server = http.createServer(app);
  server.on('error', (error) => console.error(error));
  return server;
}
`,
    // made and handed to what attaches to it, never listened here
    `
import http from 'node:http';

declare const io: { attach(server: http.Server): void };
export function attach(app: http.RequestListener) {
  io.attach(http.createServer(app));
}
`,
    // the UDP socket is closed once the datagram is sent
    `
import dgram from 'node:dgram';

export function sendMetrics(buffer: Buffer, port: number, host: string) {
  const sock = dgram.createSocket('udp4');
  sock.send(buffer, 0, buffer.length, port, host, () => sock.close());
}
`,
    // a socket made and never bound or sent on holds nothing
    `
import dgram from 'node:dgram';

export function makeSocket() {
  const sock = dgram.createSocket('udp4');
  sock.on('error', (error) => console.error(error));
}
`,
    // the server a class listens on is closed by its teardown
    `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  listen(port: number) {
    this.server = net.createServer((socket) => socket.end());
    this.server.listen(port);
  }
  close() {
    this.server?.close();
  }
}
`,
    // a server nothing could ever close is the program's: it serves until the process ends
    `
import http from 'node:http';

export function startWebServer(port: number) {
  http.createServer((req, res) => res.end('ok')).listen(port);
}
`,
    // a server the program listens on for its whole life
    `
import http from 'node:http';

const server = http.createServer((req, res) => res.end('ok'));
server.listen(8080);
`,
  ],
  invalid: [
    {
      // one more server per call, never closed: the port stays taken
      code: `
import http from 'node:http';

export function loginViaWeb(open: (url: string) => void, done: (url: string | undefined) => void) {
  const server = http.createServer((req, res) => {
    res.end('You can go back to your terminal now');
    done(req.url);
  });
  server.listen(43532, () => open('http://localhost:43532'));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'an HTTP server', handle: 'server', code: 'http.createServer(…)' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`loginViaWeb()`' },
              output: `
import http from 'node:http';

export function loginViaWeb(open: (url: string) => void, done: (url: string | undefined) => void, signal?: AbortSignal) {
  const server = http.createServer((req, res) => {
    res.end('You can go back to your terminal now');
    done(req.url);
  });
  server.listen(43532, () => open('http://localhost:43532'));
  if (signal?.aborted) server.close();
  else signal?.addEventListener('abort', () => server.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // one UDP socket per send, never closed
      code: `
import dgram from 'node:dgram';

export function sendMetrics(buffer: Buffer, port: number, host: string) {
  const sock = dgram.createSocket('udp4');
  sock.send(buffer, 0, buffer.length, port, host, (error) => {
    if (error) console.warn(error);
  });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a UDP socket', handle: 'sock', code: "dgram.createSocket('udp4')" },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`sendMetrics()`' },
              output: `
import dgram from 'node:dgram';

export function sendMetrics(buffer: Buffer, port: number, host: string, signal?: AbortSignal) {
  const sock = dgram.createSocket('udp4');
  sock.send(buffer, 0, buffer.length, port, host, (error) => {
    if (error) console.warn(error);
  });
  if (signal?.aborted) sock.close();
  else signal?.addEventListener('abort', () => sock.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // the teardown closes the clients but no longer the server
      code: `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  sockets = new Set<net.Socket>();
  listen(port: number) {
    this.server = net.createServer((socket) => this.sockets.add(socket));
    this.server.listen(port);
  }
  close() {
    for (const socket of this.sockets) socket.destroy();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'net.createServer(…)', label: 'a TCP server', member: 'this.server', teardown: 'close' },
          line: 8,
          column: 19,
          endLine: 8,
          endColumn: 35,
        },
      ],
      output: `
import net from 'node:net';

export class Reader {
  server: net.Server | undefined;
  sockets = new Set<net.Socket>();
  listen(port: number) {
    this.server = net.createServer((socket) => this.sockets.add(socket));
    this.server.listen(port);
  }
  close() {
    for (const socket of this.sockets) socket.destroy();
    this.server?.close();
  }
}
`,
    },
  ],
});
