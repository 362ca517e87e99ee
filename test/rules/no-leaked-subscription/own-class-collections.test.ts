import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours that keeps what it opens in a collection on `this` (test/fixtures/project/
// socketPool.ts: a socket per peer in a Map) and whose teardown ends every entry holds them open
// until that teardown: a `new` of it is a start, as one that keeps a single socket on a member is.
// The evidence is the class's code: a `close()` that only forgets its entries (`SocketList`) is none.
const filename = 'project/jobs.ts';

runInBothModes('no-leaked-subscription: an instance of a class of ours that keeps its connections in a collection', rule, {
  valid: [
    {
      // Closed in `finally`.
      filename,
      code: `
import { SocketPool } from './socketPool';
export function ping(hosts: string[]) {
  const pool = new SocketPool();
  try {
    for (const host of hosts) pool.send(host, 4000, 'ping');
  } finally {
    pool.close();
  }
}
`,
    },
    {
      // The owner's teardown ends it.
      filename,
      code: `
import { SocketPool } from './socketPool';
export class Transport {
  private pool: SocketPool | undefined;
  connect() {
    this.pool = new SocketPool();
  }
  send(data: string) {
    this.pool?.send('localhost', 4000, data);
  }
  disconnect() {
    this.pool?.close();
  }
}
`,
    },
    {
      // Never sent through: a pool that has opened nothing holds nothing.
      filename,
      code: `
import { SocketPool } from './socketPool';
export function describe() {
  const pool = new SocketPool();
  return String(pool);
}
`,
    },
    {
      // \`SocketList\`'s own \`close()\` ends none of its sockets: no evidence it holds them.
      filename,
      code: `
import { SocketList } from './socketPool';
export function ping(hosts: string[]) {
  const list = new SocketList();
  for (const host of hosts) list.add(host, 4000);
}
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { SocketPool } from './socketPool';
export function ping(hosts: string[]) {
  const pool = new SocketPool();
  for (const host of hosts) pool.send(host, 4000, 'ping');
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new SocketPool()', label: 'a SocketPool (its `close()` ends a TCP socket)', handle: 'pool' },
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`ping()`' },
              output: `
import { SocketPool } from './socketPool';
export function ping(hosts: string[], signal?: AbortSignal) {
  const pool = new SocketPool();
  for (const host of hosts) pool.send(host, 4000, 'ping');
  if (signal?.aborted) pool.close();
  else signal?.addEventListener('abort', () => pool.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      filename,
      code: `
import { SocketPool } from './socketPool';
export class Transport {
  private pool: SocketPool | undefined;
  connect() {
    this.pool = new SocketPool();
  }
  send(data: string) {
    this.pool?.send('localhost', 4000, data);
  }
  disconnect() {
    console.log('disconnected');
  }
}
`,
      output: `
import { SocketPool } from './socketPool';
export class Transport {
  private pool: SocketPool | undefined;
  connect() {
    this.pool = new SocketPool();
  }
  send(data: string) {
    this.pool?.send('localhost', 4000, data);
  }
  disconnect() {
    console.log('disconnected');
    this.pool?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new SocketPool()', member: 'this.pool', teardown: 'disconnect' },
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 33,
        },
      ],
    },
  ],
});
