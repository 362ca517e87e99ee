import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `server.listen()` (and a UDP socket's `bind()`) returns the server itself: returning or storing
// its result hands the server on. Listened and dropped, it is still reported.
runInBothModes('no-leaked-subscription: listen() returns the server', rule, {
  valid: [
    `
import http from 'node:http';

export class App {
  listen(port: number) {
    const server = http.createServer((req, res) => res.end());
    return server.listen(port);
  }
}
`,
    `
import net from 'node:net';

export class Proxy {
  server?: net.Server;
  start(port: number) {
    const server = net.createServer((socket) => socket.end());
    this.server = server.listen(port);
  }
  stop() {
    this.server?.close();
  }
}
`,
  ],
  invalid: [
    {
      code: `
import http from 'node:http';

export function serve(port: number) {
  const server = http.createServer((req, res) => res.end());
  server.listen(port);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import http from 'node:http';

export function serve(port: number, signal?: AbortSignal) {
  const server = http.createServer((req, res) => res.end());
  server.listen(port);
  if (signal?.aborted) server.close();
  else signal?.addEventListener('abort', () => server.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
