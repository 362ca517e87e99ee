import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Endless `for await` sources: found by import tracking without types (nats and GraphQL PubSub
// are not installed in the fixture project, so the typed run falls back to it as well).
runInBothModes('no-unbounded-loop: endless sources', rule, {
  valid: [
    // The subscription is ended on abort: the iterator finishes and the loop with it.
    `
import { connect } from 'nats';
export async function listen(signal: AbortSignal, handle: (data: Uint8Array) => Promise<void>) {
  const nc = await connect({ servers: 'localhost:4222' });
  const sub = nc.subscribe('jobs');
  signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
  for await (const message of sub) {
    await handle(message.data);
  }
}
`,
    // A break on the signal; a subscription limited by \`max\`; a connection closed on abort.
    `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
export async function listen(nc: NatsConnection, signal: AbortSignal) {
  for await (const message of nc.subscribe('jobs')) {
    if (signal.aborted) break;
    console.log(message.subject);
  }
  for await (const message of nc.subscribe('once', { max: 1 })) {
    console.log(message.subject);
  }
  const own = await connect();
  signal.addEventListener('abort', () => void own.close(), { once: true });
  for await (const message of own.subscribe('jobs')) {
    console.log(message.subject);
  }
}
`,
    // A worker whose stop() drains the connection: every subscription it made ends with it.
    `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
export class Worker {
  private nc?: NatsConnection;
  async start() {
    this.nc = await connect();
    for await (const message of this.nc.subscribe('jobs')) {
      console.log(message.subject);
    }
  }
  async stop() {
    await this.nc?.drain();
  }
}
`,
    // A GraphQL PubSub iterator returned to the server, which ends it when the client leaves.
    `
import { PubSub } from 'graphql-subscriptions';
const pubsub = new PubSub();
export const resolvers = {
  Subscription: {
    postAdded: { subscribe: () => pubsub.asyncIterableIterator(['POST_ADDED']) },
  },
};
`,
    // A \`subscribe\` of something else is not a NATS subscription.
    `
export async function drain(bus: { subscribe(subject: string): AsyncIterable<string> }) {
  for await (const message of bus.subscribe('jobs')) {
    console.log(message);
  }
}
`,
    // fs/promises.watch given the signal.
    `
import { watch } from 'node:fs/promises';
export async function follow(dir: string, signal: AbortSignal) {
  for await (const event of watch(dir, { signal })) {
    console.log(event.filename);
  }
}
`,
  ],
  invalid: [
    {
      // A NATS subscription iterated with no way out: nothing ever unsubscribes it.
      code: `
import { connect } from 'nats';
export async function listen(handle: (data: Uint8Array) => Promise<void>) {
  const nc = await connect({ servers: 'localhost:4222' });
  for await (const message of nc.subscribe('jobs')) {
    await handle(message.data);
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          data: { head: "for await (… of nc.subscribe('jobs'))", awaited: 'handle(message.data)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`listen()`' },
              output: `
import { connect } from 'nats';
export async function listen(handle: (data: Uint8Array) => Promise<void>, signal?: AbortSignal) {
  const nc = await connect({ servers: 'localhost:4222' });
  const subscription = nc.subscribe('jobs');
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  for await (const message of subscription) {
    await handle(message.data);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // \`timeout\` only fails a subscription that gets no first message in time: after one, it runs on.
      code: `
import type { NatsConnection } from 'nats';
export async function listen(nc: NatsConnection, signal: AbortSignal) {
  for await (const message of nc.subscribe('jobs', { timeout: 5000, queue: 'workers' })) {
    console.log(message.subject);
  }
}
`,
      output: `
import type { NatsConnection } from 'nats';
export async function listen(nc: NatsConnection, signal: AbortSignal) {
  const subscription = nc.subscribe('jobs', { timeout: 5000, queue: 'workers' });
  if (signal.aborted) subscription.unsubscribe();
  else signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  for await (const message of subscription) {
    console.log(message.subject);
  }
}
`,
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: 'for await (… of nc.subscribe(…))' },
          line: 4,
          column: 3,
        },
      ],
    },
    {
      // A subscription handle and a typed connection parameter; with a signal in scope, --fix ends it on abort.
      code: `
import type { NatsConnection } from 'nats';
export async function listen(nc: NatsConnection, signal: AbortSignal) {
  const sub = nc.subscribe('jobs');
  for await (const message of sub) {
    console.log(message.subject);
  }
}
`,
      output: `
import type { NatsConnection } from 'nats';
export async function listen(nc: NatsConnection, signal: AbortSignal) {
  const sub = nc.subscribe('jobs');
  if (signal.aborted) sub.unsubscribe();
  else signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
  for await (const message of sub) {
    console.log(message.subject);
  }
}
`,
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: 'for await (… of sub)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 35,
        },
      ],
    },
    {
      // The same worker with no way to stop it: its connection field is known by its annotation.
      code: `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
export class Worker {
  private nc: NatsConnection | undefined;
  async start() {
    this.nc = await connect();
    for await (const message of this.nc.subscribe('jobs')) {
      console.log(message.subject);
    }
  }
}
`,
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: "for await (… of this.nc.subscribe('jobs'))" },
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`start()`' },
              output: `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';
export class Worker {
  private nc: NatsConnection | undefined;
  async start(signal?: AbortSignal) {
    this.nc = await connect();
    const subscription = this.nc.subscribe('jobs');
    if (signal?.aborted) subscription.unsubscribe();
    else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
    for await (const message of subscription) {
      console.log(message.subject);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // GraphQL PubSub iterators (graphql-subscriptions v2 and v3) in a worker loop.
      code: `
import { PubSub } from 'graphql-subscriptions';
const pubsub = new PubSub();
export async function audit(signal: AbortSignal) {
  for await (const event of pubsub.asyncIterator('POST_ADDED')) {
    console.log(event);
  }
  for await (const event of pubsub.asyncIterableIterator(['POST_ADDED'])) {
    console.log(event);
  }
}
`,
      // Each fix binds a new name in the same block: the second waits for the next pass, and gets its own name.
      output: [
        `
import { PubSub } from 'graphql-subscriptions';
const pubsub = new PubSub();
export async function audit(signal: AbortSignal) {
  const iterator = pubsub.asyncIterator('POST_ADDED');
  if (signal.aborted) void iterator.return?.();
  else signal.addEventListener('abort', () => void iterator.return?.(), { once: true });
  for await (const event of iterator) {
    console.log(event);
  }
  for await (const event of pubsub.asyncIterableIterator(['POST_ADDED'])) {
    console.log(event);
  }
}
`,
        `
import { PubSub } from 'graphql-subscriptions';
const pubsub = new PubSub();
export async function audit(signal: AbortSignal) {
  const iterator = pubsub.asyncIterator('POST_ADDED');
  if (signal.aborted) void iterator.return?.();
  else signal.addEventListener('abort', () => void iterator.return?.(), { once: true });
  for await (const event of iterator) {
    console.log(event);
  }
  const iterator2 = pubsub.asyncIterableIterator(['POST_ADDED']);
  if (signal.aborted) void iterator2.return?.();
  else signal.addEventListener('abort', () => void iterator2.return?.(), { once: true });
  for await (const event of iterator2) {
    console.log(event);
  }
}
`,
      ],
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: "for await (… of pubsub.asyncIterator('POST_ADDED'))" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 64,
        },
        {
          messageId: 'endlessSource',
          data: { head: 'for await (… of pubsub.asyncIterableIterator(…))' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 74,
        },
      ],
    },
    {
      // fs/promises.watch without the signal in scope: --fix passes it.
      code: `
import { watch } from 'node:fs/promises';
export async function follow(dir: string, signal: AbortSignal) {
  for await (const event of watch(dir)) {
    console.log(event.filename);
  }
}
`,
      output: `
import { watch } from 'node:fs/promises';
export async function follow(dir: string, signal: AbortSignal) {
  for await (const event of watch(dir, { signal })) {
    console.log(event.filename);
  }
}
`,
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: 'for await (… of watch(dir))' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 40,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-unbounded-loop: endless sources in plain JavaScript', rule, {
  valid: [],
  invalid: [
    {
      // CommonJS, a namespace of nats.
      code: `
'use strict';
const nats = require('nats');
/** @param {AbortSignal} signal */ async function main(signal) {
  const nc = await nats.connect();
  for await (const message of nc.subscribe('jobs')) {
    console.log(message.subject);
  }
}
module.exports = { main };
`,
      output: `
'use strict';
const nats = require('nats');
/** @param {AbortSignal} signal */ async function main(signal) {
  const nc = await nats.connect();
  const subscription = nc.subscribe('jobs');
  if (signal.aborted) subscription.unsubscribe();
  else signal.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  for await (const message of subscription) {
    console.log(message.subject);
  }
}
module.exports = { main };
`,
      errors: [{ messageId: 'endlessSource', line: 6, column: 3, endLine: 6, endColumn: 52 }],
    },
  ],
});
