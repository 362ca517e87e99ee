import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `events.on(sub, 'message')` and `events.once(sub, …)` listen on the connection they are given and
// never close it: handing it to them hands nothing over. A GraphQL subscription's async generator
// whose consumer calls `return()` leaves the connection open unless its `finally` quits it.
runInBothModes('no-leaked-subscription: a connection only listened on through events.on and events.once', rule, {
  valid: [
    // Closed in the generator's finally, which return() runs.
    `
import { on } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function* orderUpdates(orderId: string) {
  const sub = redis.duplicate();
  try {
    await sub.subscribe(\`order:\${orderId}\`);
    for await (const [, message] of on(sub, 'message')) yield String(message);
  } finally {
    await sub.quit();
  }
}
`,
    // The function returns only once the connection has closed.
    `
import { once } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function untilClosed(orderId: string) {
  const sub = redis.duplicate();
  await sub.subscribe(\`order:\${orderId}\`);
  sub.on('message', (channel, message) => console.log(channel, message));
  await once(sub, 'end');
}
`,
    // Handed to a helper of the file that closes it.
    `
import { once } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

async function drain(client: Redis) {
  await client.quit();
}
export async function nextOrder(orderId: string) {
  const sub = redis.duplicate();
  await sub.subscribe(\`order:\${orderId}\`);
  await once(sub, 'message');
  await drain(sub);
}
`,
  ],
  invalid: [
    {
      code: `
import { on } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function* orderUpdates(orderId: string) {
  const sub = redis.duplicate();
  await sub.subscribe(\`order:\${orderId}\`);
  for await (const [, message] of on(sub, 'message')) {
    yield String(message);
  }
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { on } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function* orderUpdates(orderId: string, signal?: AbortSignal) {
  const sub = redis.duplicate();
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe(\`order:\${orderId}\`);
  for await (const [, message] of on(sub, 'message')) {
    yield String(message);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import * as events from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function nextOrder(orderId: string) {
  const sub = redis.duplicate();
  await sub.subscribe(\`order:\${orderId}\`);
  const [, message] = await events.once(sub, 'message');
  return String(message);
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import * as events from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis();

export async function nextOrder(orderId: string, signal?: AbortSignal) {
  const sub = redis.duplicate();
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe(\`order:\${orderId}\`);
  const [, message] = await events.once(sub, 'message');
  return String(message);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
