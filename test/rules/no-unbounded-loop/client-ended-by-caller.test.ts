import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A NATS subscription's iterator ends when its connection drains or closes. When the loop's
// connection is a parameter, the callers in the file show which connection it is: if every one
// passes a connection the file drains (on SIGTERM, in main's teardown), the loop has an end.
runInBothModes('no-unbounded-loop: a NATS connection given by callers that drain it', rule, {
  valid: [
    `
import { connect, type NatsConnection } from 'nats';

async function track(nc: NatsConnection, seen: string[]) {
  const sub = nc.subscribe('prices.>');
  for await (const msg of sub) seen.push(msg.subject);
}

const nc = await connect();
void track(nc, []);
process.once('SIGTERM', () => void nc.drain());
`,
  ],
  invalid: [
    // Nothing drains the connection it is given.
    {
      code: `
import { connect, type NatsConnection } from 'nats';

async function track(nc: NatsConnection, seen: string[]) {
  const sub = nc.subscribe('prices.>');
  for await (const msg of sub) seen.push(msg.subject);
}

const nc = await connect();
void track(nc, []);
`,
      errors: [
        {
          messageId: 'endlessSource',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { connect, type NatsConnection } from 'nats';

async function track(nc: NatsConnection, seen: string[], signal?: AbortSignal) {
  const sub = nc.subscribe('prices.>');
  if (signal?.aborted) sub.unsubscribe();
  else signal?.addEventListener('abort', () => sub.unsubscribe(), { once: true });
  for await (const msg of sub) seen.push(msg.subject);
}

const nc = await connect();
void track(nc, []);
`,
            },
          ],
        },
      ],
    },
    // Drained at shutdown, but started on every tick: the loops pile up until then.
    {
      code: `
import { connect, type NatsConnection } from 'nats';

async function track(nc: NatsConnection, seen: string[]) {
  for await (const msg of nc.subscribe('prices.>')) seen.push(msg.subject);
}

const nc = await connect();
setInterval(() => void track(nc, []), 60_000);
process.once('SIGTERM', () => void nc.drain());
`,
      errors: [
        {
          messageId: 'endlessSource',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { connect, type NatsConnection } from 'nats';

async function track(nc: NatsConnection, seen: string[], signal?: AbortSignal) {
  const subscription = nc.subscribe('prices.>');
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  for await (const msg of subscription) seen.push(msg.subject);
}

const nc = await connect();
setInterval(() => void track(nc, []), 60_000);
process.once('SIGTERM', () => void nc.drain());
`,
            },
          ],
        },
      ],
    },
    // Exported: callers in other files may pass a connection nobody drains.
    {
      code: `
import { connect, type NatsConnection } from 'nats';

export async function track(nc: NatsConnection, seen: string[]) {
  for await (const msg of nc.subscribe('prices.>')) seen.push(msg.subject);
}

const nc = await connect();
void track(nc, []);
process.once('SIGTERM', () => void nc.drain());
`,
      errors: [
        {
          messageId: 'endlessSource',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { connect, type NatsConnection } from 'nats';

export async function track(nc: NatsConnection, seen: string[], signal?: AbortSignal) {
  const subscription = nc.subscribe('prices.>');
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
  for await (const msg of subscription) seen.push(msg.subject);
}

const nc = await connect();
void track(nc, []);
process.once('SIGTERM', () => void nc.drain());
`,
            },
          ],
        },
      ],
    },
  ],
});
