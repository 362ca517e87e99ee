import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A factory may give the variable it returns its value by assignment, one per branch
// (`let client; if (cluster) client = new Cluster(nodes); else client = new Redis(url); return client;`):
// every value it is given is a start, so the caller owns what it hands back.
runInBothModes('no-leaked-subscription: a factory that returns a variable it assigns', rule, {
  valid: [
    // a variable given its own value back (`c = c`, a swap): no start, and no endless following
    `
import Redis from 'ioredis';

function same() {
  let c = new Redis();
  c = c;
  return c;
}

function swapped(alt: boolean) {
  let prev = new Redis();
  let cur = new Redis();
  if (alt) {
    const t = prev;
    prev = cur;
    cur = t;
  }
  return cur;
}

export function listen(alt: boolean) {
  same().on('message', () => {});
  swapped(alt).on('message', () => {});
}
`,
    // the caller closes what the helper opened
    `
import Redis, { Cluster } from 'ioredis';

function connectTo(nodes: string[]) {
  let client;
  if (nodes.length > 1) client = new Cluster(nodes);
  else client = new Redis(nodes[0]);
  return client;
}

export async function ping(nodes: string[]) {
  const client = connectTo(nodes);
  await client.ping();
  await client.quit();
}
`,
    // one branch hands back a shared client: not a factory, the caller may only borrow it
    `
import Redis from 'ioredis';

const shared = new Redis();
function clientFor(host?: string) {
  let client;
  if (host) client = new Redis(host);
  else client = shared;
  return client;
}

export async function ping(host?: string) {
  const client = clientFor(host);
  await client.ping();
}
`,
    // the helper clears what it assigned before returning: no start is handed back
    `
import Redis from 'ioredis';

function connectTo(host: string) {
  let client = new Redis(host);
  client = null as never;
  return client;
}

export async function ping(host: string) {
  const client = connectTo(host);
  await client.ping();
}
`,
  ],
  invalid: [
    {
      // a connection opened through the helper and never closed
      code: `
import Redis, { Cluster } from 'ioredis';

function connectTo(nodes: string[]) {
  let client;
  if (nodes.length > 1) client = new Cluster(nodes);
  else client = new Redis(nodes[0]);
  return client;
}

export async function ping(nodes: string[]) {
  const client = connectTo(nodes);
  await client.ping();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Redis cluster connection', handle: 'client', code: 'connectTo(nodes)' }, line: 12,
          column: 18,
          endLine: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`ping()`' },
              output: `
import Redis, { Cluster } from 'ioredis';

function connectTo(nodes: string[]) {
  let client;
  if (nodes.length > 1) client = new Cluster(nodes);
  else client = new Redis(nodes[0]);
  return client;
}

export async function ping(nodes: string[], signal?: AbortSignal) {
  const client = connectTo(nodes);
  if (signal?.aborted) void client.quit();
  else signal?.addEventListener('abort', () => void client.quit(), { once: true });
  await client.ping();
}
`,
            },
          ],
        },
      ],
    },
  ],
});
