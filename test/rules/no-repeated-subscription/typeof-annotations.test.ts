import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A parameter annotated `typeof client` has the kind of the value it names, with or without types.
runInBothModes('no-repeated-subscription: parameters annotated with typeof a value', rule, {
  valid: [
    // the helper removes its listener before it returns
    `
import Redis from 'ioredis';

const client = new Redis();

function countMessages(conn: typeof client, counts: Map<string, number>) {
  const onMessage = (channel: string) => counts.set(channel, (counts.get(channel) ?? 0) + 1);
  conn.on('message', onMessage);
  conn.off('message', onMessage);
}

const counts = new Map<string, number>();
setInterval(() => countMessages(client, counts), 1000);
`,
    // typeof a class names its constructor, not a client: nothing is known about what it does
    `
import Redis from 'ioredis';

function describe(ctor: typeof Redis) {
  return ctor.name;
}

setInterval(() => describe(Redis), 1000);
`,
  ],
  invalid: [
    {
      code: `
import Redis from 'ioredis';

const client = new Redis();

function listenForInvalidations(conn: typeof client, cache: Map<string, unknown>) {
  conn.on('message', (_channel: string, key: string) => cache.delete(key));
}

const cache = new Map<string, unknown>();
setInterval(() => {
  listenForInvalidations(client, cache);
}, 60_000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`setInterval(…)`' },
              output: `
import Redis from 'ioredis';

const client = new Redis();

function listenForInvalidations(conn: typeof client, cache: Map<string, unknown>) {
  conn.on('message', (_channel: string, key: string) => cache.delete(key));
}

const cache = new Map<string, unknown>();
listenForInvalidations(client, cache);
setInterval(() => {
}, 60_000);
`,
            },
          ],
        },
      ],
    },
  ],
});
