import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A connection passed to a function whose code the rule sees is handed over only if that
// function ends it or hands it on in turn (stores, returns, passes it to code it cannot see).
// A helper that only uses it (ioredis's SentinelConnector: `this.resolveMaster(client)` asks the
// sentinel and returns an address) owns nothing: the caller must still close it.
const connector = (after: string): string => `
import Redis from 'ioredis';

export class Connector {
  async resolve(port: number) {
    const client = new Redis(port);
    client.on('error', () => {});
    const master = await this.resolveMaster(client);${after}
    return master;
  }
  async resolveMaster(client: Redis) {
    const result = await client.get('master');
    await this.update(client);
    return result;
  }
  async update(client: Redis) {
    return client.get('sentinels');
  }
}
`;

runInBothModes('no-leaked-subscription: a handle passed to a function that only uses it', rule, {
  valid: [
    // the caller closes it after the helper used it
    connector('\n    client.disconnect();'),
    // the helper stores it on its object: the object's owner ends it
    `
import Redis from 'ioredis';

export class Owner {
  client: Redis | undefined;
  open(port: number) {
    const client = new Redis(port);
    this.keep(client);
  }
  keep(client: Redis) {
    this.client = client;
  }
  async close() {
    await this.client?.quit();
  }
}
`,
    // the helper ends it
    `
import Redis from 'ioredis';

function closeIt(client: Redis) {
  return client.quit();
}
export async function probe(port: number) {
  const client = new Redis(port);
  await client.ping();
  await closeIt(client);
}
`,
    // the helper hands it on to code the rule cannot see
    `
import Redis from 'ioredis';
import { register } from 'some-pool';

function track(client: Redis) {
  register(client);
}
export function open(port: number) {
  const client = new Redis(port);
  track(client);
}
`,
    // the helper returns it: whoever takes the result owns it
    `
import Redis from 'ioredis';

function ready(client: Redis) {
  return client;
}
export function open(port: number) {
  const client = new Redis(port);
  return ready(client);
}
`,
    // made right into a helper that keeps it for the module's owner
    `
import Redis from 'ioredis';

export const clients: Redis[] = [];
function keep(client: Redis) {
  clients.push(client);
}
export function open(port: number) {
  keep(new Redis(port));
}
`,
  ],
  invalid: [
    {
      // made right into a helper that only uses it: dropped
      code: `
import Redis from 'ioredis';

function check(client: Redis) {
  return client.ping();
}
export async function probe(port: number) {
  await check(new Redis(port));
}
`,
      errors: [
        {
          messageId: 'connectionDropped',
          data: { code: 'new Redis(port)', label: 'a Redis connection' },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 30,
        },
      ],
    },
    {
      // used inside a `try` that returns: the end on abort goes before it, where it still runs
      code: `
import Redis from 'ioredis';

export async function lookup(port: number) {
  const client = new Redis(port);
  client.on('error', () => {});
  try {
    return await ask(client);
  } finally {
    console.log('asked');
  }
}
async function ask(client: Redis) {
  return client.get('master');
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Redis(port)', label: 'a Redis connection', handle: 'client' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`lookup()`' },
              output: `
import Redis from 'ioredis';

export async function lookup(port: number, signal?: AbortSignal) {
  const client = new Redis(port);
  client.on('error', () => {});
  if (signal?.aborted) void client.quit();
  else signal?.addEventListener('abort', () => void client.quit(), { once: true });
  try {
    return await ask(client);
  } finally {
    console.log('asked');
  }
}
async function ask(client: Redis) {
  return client.get('master');
}
`,
            },
          ],
        },
      ],
    },
    {
      code: connector(''),
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Redis(port)', label: 'a Redis connection', handle: 'client' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`resolve()`' },
              // Registered before the first await, so an abort while it waits still ends it.
              output: `
import Redis from 'ioredis';

export class Connector {
  async resolve(port: number, signal?: AbortSignal) {
    const client = new Redis(port);
    client.on('error', () => {});
    if (signal?.aborted) void client.quit();
    else signal?.addEventListener('abort', () => void client.quit(), { once: true });
    const master = await this.resolveMaster(client);
    return master;
  }
  async resolveMaster(client: Redis) {
    const result = await client.get('master');
    await this.update(client);
    return result;
  }
  async update(client: Redis) {
    return client.get('sentinels');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // a helper of the file that only reads from it
      code: `
import Redis from 'ioredis';

function check(client: Redis) {
  return client.ping();
}
export async function probe(port: number) {
  const client = new Redis(port);
  await check(client);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Redis(port)', label: 'a Redis connection', handle: 'client' },
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`probe()`' },
              output: `
import Redis from 'ioredis';

function check(client: Redis) {
  return client.ping();
}
export async function probe(port: number, signal?: AbortSignal) {
  const client = new Redis(port);
  if (signal?.aborted) void client.quit();
  else signal?.addEventListener('abort', () => void client.quit(), { once: true });
  await check(client);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
