import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: nats', rule, {
  valid: [
    // the connection is drained when done (the nats.js README idiom)
    `
import { connect } from 'nats';

export async function announce(subject: string) {
  const nc = await connect({ servers: 'demo.nats.io' });
  nc.publish(subject, 'hello');
  await nc.drain();
}
`,
    // the subscription is iterated until it ends, and its handle returned
    `
import type { NatsConnection } from 'nats';

export function tasks(nc: NatsConnection) {
  const sub = nc.subscribe('tasks');
  return sub;
}
`,
    // unsubscribed when the caller's signal aborts
    `
import type { NatsConnection } from 'nats';

export function watchTasks(nc: NatsConnection, signal: AbortSignal, onTask: (data: string) => void) {
  const sub = nc.subscribe('tasks', { callback: (_error, msg) => onTask(msg.string()) });
  signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
}
`,
    // a subscription limited to one message by max is still unsubscribed by drain
    `
import type { NatsConnection } from 'nats';

export async function firstTask(nc: NatsConnection) {
  const sub = nc.subscribe('tasks', { max: 1 });
  for await (const msg of sub) return msg.string();
  return undefined;
}
`,
  ],
  invalid: [
    {
      // a connection opened per call, never closed
      code: `
import { connect } from 'nats';

export async function announce(subject: string) {
  const nc = await connect({ servers: 'nats://localhost:4222' });
  nc.publish(subject, 'hello');
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a NATS connection', handle: 'nc', code: 'connect(…)' },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`announce()`' },
              output: `
import { connect } from 'nats';

export async function announce(subject: string, signal?: AbortSignal) {
  const nc = await connect({ servers: 'nats://localhost:4222' });
  nc.publish(subject, 'hello');
  if (signal?.aborted) void nc.close();
  else signal?.addEventListener('abort', () => void nc.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a subscription on the shared connection whose handle is dropped
      code: `
import type { NatsConnection } from 'nats';

export function watchTasks(nc: NatsConnection, onTask: (data: string) => void) {
  nc.subscribe('tasks', { callback: (_error, msg) => onTask(msg.string()) });
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'a NATS subscription', code: 'nc.subscribe(…)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchTasks()`' },
              output: `
import type { NatsConnection } from 'nats';

export function watchTasks(nc: NatsConnection, onTask: (data: string) => void, signal?: AbortSignal) {
  const subscription = nc.subscribe('tasks', { callback: (_error, msg) => onTask(msg.string()) });
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // with a signal in scope, --fix unsubscribes on abort
      code: `
import type { NatsConnection } from 'nats';

export function watchTasks(nc: NatsConnection, signal: AbortSignal, onTask: (data: string) => void) {
  const sub = nc.subscribe('tasks', { callback: (_error, msg) => onTask(msg.string()) });
  console.log('watching', sub.isClosed());
}
`,
      output: `
import type { NatsConnection } from 'nats';

export function watchTasks(nc: NatsConnection, signal: AbortSignal, onTask: (data: string) => void) {
  const sub = nc.subscribe('tasks', { callback: (_error, msg) => onTask(msg.string()) });
  console.log('watching', sub.isClosed());
  if (signal.aborted) sub.unsubscribe();
  else signal.addEventListener('abort', () => sub.unsubscribe(), { once: true });
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { label: 'a NATS subscription', handle: 'sub', ended: 'unsubscribed', code: 'nc.subscribe(…)' },
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 27,
        },
      ],
    },
  ],
});
