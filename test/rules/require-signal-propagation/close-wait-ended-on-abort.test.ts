import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';

// `await once(conn, 'close')` while an abort listener on the signal closes `conn`: the abort
// settles the wait through the close, so it honours the signal without being given it.
runInBothModes('require-signal-propagation: a wait for a close the abort causes', rule, {
  valid: [
    `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consume(url: string, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  const closeOnAbort = () => void conn.close().catch(() => {});
  signal.addEventListener('abort', closeOnAbort, { once: true });
  try {
    await once(conn, 'close');
  } finally {
    signal.removeEventListener('abort', closeOnAbort);
  }
}
`,
    `
import * as net from 'node:net';
import * as events from 'node:events';

export async function tail(port: number, signal: AbortSignal) {
  const socket = net.connect({ port });
  signal.addEventListener('abort', () => socket.destroy(), { once: true });
  socket.on('data', (chunk) => process.stdout.write(chunk));
  await events.once(socket, 'close');
}
`,
  ],
  invalid: [
    // The abort listener does not close the connection: nothing settles the wait.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consume(url: string, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  signal.addEventListener('abort', () => console.log('bye'), { once: true });
  await once(conn, 'close');
}
`,
      output: `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consume(url: string, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  signal.addEventListener('abort', () => console.log('bye'), { once: true });
  await once(conn, 'close', { signal });
}
`,
      errors: [{ messageId: 'missingSignal', line: 8, column: 9, endLine: 8, endColumn: 28 }],
    },
    // Closed on abort, but the wait is for another event, which the close does not fire.
    {
      code: `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consume(url: string, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  signal.addEventListener('abort', () => void conn.close(), { once: true });
  await once(conn, 'blocked');
}
`,
      output: `
import amqp from 'amqplib';
import { once } from 'node:events';

export async function consume(url: string, signal: AbortSignal) {
  const conn = await amqp.connect(url);
  signal.addEventListener('abort', () => void conn.close(), { once: true });
  await once(conn, 'blocked', { signal });
}
`,
      errors: [{ messageId: 'missingSignal', line: 8, column: 9, endLine: 8, endColumn: 30 }],
    },
  ],
});
