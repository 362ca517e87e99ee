import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: amqp', rule, {
  valid: [
    // the channel is closed in finally
    `
import * as amqp from 'amqplib';
import type { Connection } from 'amqplib';

export async function drainQueue(connection: Connection, queue: string) {
  const channel = await connection.createChannel();
  try {
    await channel.assertQueue(queue);
  } finally {
    await channel.close();
  }
}
`,
    // the connection and channel are closed when the caller's signal aborts
    `
import * as amqp from 'amqplib';

export async function consumeJobs(signal: AbortSignal, onJob: (body: string) => void) {
  const connection = await amqp.connect('amqp://localhost');
  signal.addEventListener('abort', () => void connection.close(), { once: true });
  const channel = await connection.createChannel();
  await channel.consume('jobs', (msg) => {
    if (msg) onJob(msg.content.toString());
  });
  signal.addEventListener('abort', () => void channel.close(), { once: true });
}
`,
    // the consumer on a shared channel is cancelled by its tag
    `
import type { Channel } from 'amqplib';

export async function consumeFor(channel: Channel, queue: string, ms: number) {
  const { consumerTag } = await channel.consume(queue, (msg) => {
    if (msg) channel.ack(msg);
  });
  setTimeout(() => void channel.cancel(consumerTag), ms);
}
`,
    // connected once at start-up (the amqplib tutorial's receive.js)
    `
import * as amqp from 'amqplib';

async function main() {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  await channel.assertQueue('hello', { durable: false });
  await channel.consume('hello', (msg) => console.log(msg?.content.toString()), { noAck: true });
}

void main();
`,
  ],
  invalid: [
    {
      // a connection and a channel opened per call to consume a queue, neither closed
      code: `
import * as amqp from 'amqplib';

export async function consumeJobs(onJob: (body: string) => void) {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  await channel.assertQueue('jobs');
  await channel.consume('jobs', (msg) => {
    if (msg) onJob(msg.content.toString());
  });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'an AMQP connection', handle: 'connection', code: "amqp.connect('amqp://localhost')" },
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`consumeJobs()`' },
              output: `
import * as amqp from 'amqplib';

export async function consumeJobs(onJob: (body: string) => void, signal?: AbortSignal) {
  const connection = await amqp.connect('amqp://localhost');
  if (signal?.aborted) void connection.close();
  else signal?.addEventListener('abort', () => void connection.close(), { once: true });
  const channel = await connection.createChannel();
  await channel.assertQueue('jobs');
  await channel.consume('jobs', (msg) => {
    if (msg) onJob(msg.content.toString());
  });
}
`,
            },
          ],
        },
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'an AMQP consumer', connection: 'channel', code: 'channel.consume(…)' },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`consumeJobs()`' },
              output: `
import * as amqp from 'amqplib';

export async function consumeJobs(onJob: (body: string) => void, signal?: AbortSignal) {
  const connection = await amqp.connect('amqp://localhost');
  const channel = await connection.createChannel();
  if (signal?.aborted) void channel.close();
  else signal?.addEventListener('abort', () => void channel.close(), { once: true });
  await channel.assertQueue('jobs');
  await channel.consume('jobs', (msg) => {
    if (msg) onJob(msg.content.toString());
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a channel opened per call on the shared connection, consumed, never closed
      code: `
import * as amqp from 'amqplib';
import type { Connection } from 'amqplib';

export async function watchQueue(connection: Connection, queue: string, onMessage: (body: string) => void) {
  const channel = await connection.createChannel();
  await channel.consume(queue, (msg) => {
    if (msg) onMessage(msg.content.toString());
  });
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'an AMQP consumer', connection: 'channel', code: 'channel.consume(…)' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchQueue()`' },
              output: `
import * as amqp from 'amqplib';
import type { Connection } from 'amqplib';

export async function watchQueue(connection: Connection, queue: string, onMessage: (body: string) => void, signal?: AbortSignal) {
  const channel = await connection.createChannel();
  if (signal?.aborted) void channel.close();
  else signal?.addEventListener('abort', () => void channel.close(), { once: true });
  await channel.consume(queue, (msg) => {
    if (msg) onMessage(msg.content.toString());
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      // amqp-connection-manager: a manager connected per call, never closed
      code: `
import * as amqp from 'amqp-connection-manager';

export function publisher(url: string) {
  const connection = amqp.connect([url]);
  connection.on('connect', () => console.log('connected'));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'an AMQP connection manager', handle: 'connection', code: 'amqp.connect([url])' },
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`publisher()`' },
              output: `
import * as amqp from 'amqp-connection-manager';

export function publisher(url: string, signal?: AbortSignal) {
  const connection = amqp.connect([url]);
  connection.on('connect', () => console.log('connected'));
  if (signal?.aborted) void connection.close();
  else signal?.addEventListener('abort', () => void connection.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
