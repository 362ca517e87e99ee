import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// ws's `new WebSocketServer({ port })` makes its own HTTP server and listens on the port until
// `close()`; given `{ server }` or `{ noServer: true }` it holds nothing of its own.
const hub = (options: string, teardown = '', after = '') => `
import { WebSocketServer } from 'ws';
import Redis from 'ioredis';

export class Hub {
  private wss?: WebSocketServer;
  private readonly redis = new Redis();
  start(port: number, server: import('node:http').Server) {
    this.wss = new WebSocketServer(${options});
    this.wss.on('connection', (ws) => ws.send('hi'));
  }
  async stop() {${teardown}
    await this.redis.quit();${after}
  }
}
`;

runInBothModes('no-leaked-subscription: a ws server given a port listens until closed', rule, {
  valid: [
    hub('{ port }', '\n    this.wss?.close();'),
    // attached to a server it was given: that server's owner closes it
    hub('{ server }'),
    hub('{ noServer: true }'),
    `
import { WebSocketServer } from 'ws';

export function serve(port: number) {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (ws) => ws.send('hi'));
  return wss;
}
`,
  ],
  invalid: [
    {
      code: hub('{ port }'),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new WebSocketServer({ port })', label: 'a WebSocket server (listening on its port)', member: 'this.wss', teardown: 'stop' },
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 45,
        },
      ],
      output: hub('{ port }', '', '\n    this.wss?.close();'),
    },
    {
      code: `
import { WebSocketServer } from 'ws';

export function serve(port: number) {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (ws) => ws.send('hi'));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new WebSocketServer({ port })', label: 'a WebSocket server (listening on its port)', handle: 'wss' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { WebSocketServer } from 'ws';

export function serve(port: number, signal?: AbortSignal) {
  const wss = new WebSocketServer({ port });
  wss.on('connection', (ws) => ws.send('hi'));
  if (signal?.aborted) wss.close();
  else signal?.addEventListener('abort', () => wss.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
