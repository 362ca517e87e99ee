import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A consumer on a channel of a connection the function opens lives as long as that connection:
// closing the connection (in a finally, on abort) ends the channel and its consumer, and awaiting
// the connection's own 'close' bounds both by the run. Only a connection left open leaks them.
runInBothModes('no-leaked-subscription: an AMQP consumer ends with its connection', rule, {
  valid: [
    // The connection closed in a finally.
    `
import amqp from 'amqplib';

export async function drainOrders(url: string, handle: (body: Buffer) => void) {
  const conn = await amqp.connect(url);
  try {
    const channel = await conn.createChannel();
    await channel.consume('orders', (msg) => msg && handle(msg.content));
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  } finally {
    await conn.close();
  }
}
`,
    // The connection closed on the caller's abort; the function returns when it has closed.
    `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consumeOrders(url: string, handle: (body: Buffer) => void, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  const closeOnAbort = () => void conn.close().catch(() => {});
  signal.addEventListener('abort', closeOnAbort, { once: true });
  try {
    const channel = await conn.createChannel();
    await channel.consume('orders', (msg) => msg && handle(msg.content));
    await once(conn, 'close');
  } finally {
    signal.removeEventListener('abort', closeOnAbort);
  }
}
`,
  ],
  invalid: [
    {
      code: `
import amqp from 'amqplib';

export async function drainOrders(url: string, handle: (body: Buffer) => void) {
  const conn = await amqp.connect(url);
  const channel = await conn.createChannel();
  await channel.consume('orders', (msg) => msg && handle(msg.content));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import amqp from 'amqplib';

export async function drainOrders(url: string, handle: (body: Buffer) => void, signal?: AbortSignal) {
  const conn = await amqp.connect(url);
  if (signal?.aborted) void conn.close();
  else signal?.addEventListener('abort', () => void conn.close(), { once: true });
  const channel = await conn.createChannel();
  await channel.consume('orders', (msg) => msg && handle(msg.content));
}
`,
            },
          ],
        },
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import amqp from 'amqplib';

export async function drainOrders(url: string, handle: (body: Buffer) => void, signal?: AbortSignal) {
  const conn = await amqp.connect(url);
  const channel = await conn.createChannel();
  if (signal?.aborted) void channel.close();
  else signal?.addEventListener('abort', () => void channel.close(), { once: true });
  await channel.consume('orders', (msg) => msg && handle(msg.content));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
