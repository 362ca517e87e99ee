import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `net.createServer(onSocket)` / `tls.createServer(options, onSocket)`: the callback is the
// server's 'connection' listener, run for every client that connects, as http's is per request.
runInBothModes('no-repeated-subscription: the connection callback of a TCP server', rule, {
  valid: [
    `
import net from 'node:net';

const server = net.createServer((socket) => {
  const heartbeat = setInterval(() => socket.write('PING\\n'), 5000);
  socket.on('close', () => clearInterval(heartbeat));
});
server.listen(7000);
`,
  ],
  invalid: [
    {
      code: `
import net from 'node:net';

const server = net.createServer((socket) => {
  setInterval(() => socket.write('PING\\n'), 5000);
  socket.on('data', (chunk) => socket.write(chunk));
});
server.listen(7000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'on every connection to this server', started: 'interval' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
    {
      code: `
import tls from 'node:tls';
import { EventEmitter } from 'node:events';

export const bus = new EventEmitter();
tls.createServer({}, (socket) => {
  bus.on('broadcast', (line: string) => socket.write(line));
}).listen(7001);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'bus.on(…)', every: 'on every connection to this server', started: "'broadcast' listener" },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 9,
        },
      ],
    },
  ],
});
