import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A helper that makes and hands back a connection (`return new Redis(…)`) passes it to its
// caller, who then owns it as if it had opened it itself.
runInBothModes('no-leaked-subscription: factories that hand back a connection', rule, {
  valid: [
    // the caller closes what the helper opened
    `
import Redis from 'ioredis';

function connectTo(host: string) {
  return new Redis({ host });
}

export async function ping(host: string) {
  const client = connectTo(host);
  await client.ping();
  await client.quit();
}
`,
    // the helper ends it itself, on the signal it was given: nothing is left to the caller
    `
import Redis from 'ioredis';

function connectTo(host: string, signal: AbortSignal) {
  const client = new Redis({ host });
  signal.addEventListener('abort', () => void client.quit(), { once: true });
  return client;
}

export async function ping(host: string, signal: AbortSignal) {
  const client = connectTo(host, signal);
  await client.ping();
}
`,
    // a shared client made once and cached: the caller borrows it
    `
import Redis from 'ioredis';

let shared: Redis | undefined;
function sharedClient() {
  if (!shared) shared = new Redis();
  return shared;
}

export async function ping() {
  const client = sharedClient();
  await client.ping();
}
`,
    // a helper that may hand back nothing is not judged a factory
    `
import Redis from 'ioredis';

function connectTo(host: string | undefined) {
  if (!host) return;
  return new Redis({ host });
}

export async function ping(host: string) {
  const client = connectTo(host);
  await client?.ping();
}
`,
    // handed on again: stored on the instance its teardown closes
    `
import Redis from 'ioredis';

export class Cache {
  private client: Redis | undefined;
  private open(host: string) {
    return new Redis({ host });
  }
  start(host: string) {
    this.client = this.open(host);
  }
  async stop() {
    await this.client?.quit();
  }
}
`,
    // a helper that returns a reply, not a connection
    `
import type Redis from 'ioredis';

function read(client: Redis, key: string) {
  return client.get(key);
}

export async function value(client: Redis) {
  const reply = read(client, 'k');
  return reply;
}
`,
  ],
  invalid: [
    {
      // a connection opened through a helper and never closed
      code: `
import Redis from 'ioredis';

function connectTo(host: string) {
  return new Redis({ host });
}

export async function ping(host: string) {
  const client = connectTo(host);
  await client.ping();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Redis connection', handle: 'client', code: 'connectTo(host)' },
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`ping()`' },
              output: `
import Redis from 'ioredis';

function connectTo(host: string) {
  return new Redis({ host });
}

export async function ping(host: string, signal?: AbortSignal) {
  const client = connectTo(host);
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
    {
      // the factory is in another file (project/clients.ts): the incident's subscriber, made by a helper
      filename: 'project/tasks.ts',
      code: `
import { connectTo } from './clients';

export async function watchTasks(host: string, onTask: () => void) {
  const sub = connectTo(host);
  await sub.subscribe('tasks');
  sub.on('message', () => onTask());
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchTasks()`' },
              output: `
import { connectTo } from './clients';

export async function watchTasks(host: string, onTask: () => void, signal?: AbortSignal) {
  const sub = connectTo(host);
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('tasks');
  sub.on('message', () => onTask());
}
`,
            },
          ],
        },
      ],
    },
    {
      // a method of the class opens it; the other method uses and forgets it
      code: `
import Redis from 'ioredis';

export class Resolver {
  private connectToSentinel(host: string) {
    const client = new Redis({ host, lazyConnect: true });
    client.on('error', () => {});
    return client;
  }
  async resolve(host: string) {
    const client = this.connectToSentinel(host);
    return await client.get('master');
  }
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Redis connection', handle: 'client', code: 'this.connectToSentinel(host)' },
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`resolve()`' },
              output: `
import Redis from 'ioredis';

export class Resolver {
  private connectToSentinel(host: string) {
    const client = new Redis({ host, lazyConnect: true });
    client.on('error', () => {});
    return client;
  }
  async resolve(host: string, signal?: AbortSignal) {
    const client = this.connectToSentinel(host);
    if (signal?.aborted) void client.quit();
    else signal?.addEventListener('abort', () => void client.quit(), { once: true });
    return await client.get('master');
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: factories in plain JavaScript', rule, {
  valid: [
    `
const Redis = require('ioredis');
const createClient = (options) => new Redis(options);
async function ping(options) {
  const client = createClient(options);
  try {
    await client.ping();
  } finally {
    await client.quit();
  }
}
module.exports = { ping };
`,
  ],
  invalid: [
    {
      // the incident's shape, the connection made by a helper: a subscriber per call
      code: `
const Redis = require('ioredis');
const createClient = (options) => new Redis(options);
async function watchTasks(options, onTask) {
  const sub = createClient(options);
  await sub.subscribe('tasks');
  sub.on('message', () => onTask());
}
module.exports = { watchTasks };
`,
      // reported on the subscription that keeps the helper's connection open
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchTasks()`' },
              output: `
const Redis = require('ioredis');
const createClient = (options) => new Redis(options);
async function watchTasks(options, onTask, signal) {
  const sub = createClient(options);
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('tasks');
  sub.on('message', () => onTask());
}
module.exports = { watchTasks };
`,
            },
          ],
        },
      ],
    },
  ],
});
