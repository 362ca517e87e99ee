import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// An untyped parameter has the kind every call in the file passes it, when the file shows every
// call: the function is neither exported nor handed on. Different kinds, an unknown argument, an
// export to callers we cannot see, a parameter reassigned: no kind, no report.
const listen = `
function listen(client, channel: string) {
  const sub = client.duplicate();
  void sub.subscribe(channel);
}
`;

runInBothModes('no-leaked-subscription: parameter kinds from call sites', rule, {
  valid: [
    {
      // One caller passes something of unknown kind.
      code: `
import Redis from 'ioredis';
const redis = new Redis();
declare function otherClient(): any;
${listen}
export function refresh() {
  listen(redis, 'x');
  listen(otherClient(), 'y');
}
`,
    },
    {
      // Different kinds at different call sites.
      code: `
import Redis from 'ioredis';
import { EventEmitter } from 'node:events';
function watchSource(source) {
  source.on('message', (message: string) => console.log(message));
}
export function refresh(redis: Redis, bus: EventEmitter) {
  watchSource(redis);
  watchSource(bus);
}
`,
    },
    {
      // Exported: callers in other files may pass anything.
      code: `
import Redis from 'ioredis';
const redis = new Redis();
export ${listen.trim()}
export function refresh() {
  listen(redis, 'x');
}
`,
    },
    {
      // Handed on as a value: whoever runs it decides what it gets.
      code: `
import Redis from 'ioredis';
const redis = new Redis();
import { EventEmitter } from 'node:events';
${listen}
const jobs = new EventEmitter();
jobs.on('job', listen);
export function refresh() {
  listen(redis, 'x');
}
`,
    },
    {
      // Reassigned in the body: the call's argument is not what is used.
      code: `
import Redis from 'ioredis';
const redis = new Redis();
declare function pick(): any;
function listen(client, channel: string) {
  client = pick();
  const sub = client.duplicate();
  void sub.subscribe(channel);
}
export function refresh() {
  listen(redis, 'x');
}
`,
    },
    {
      // A listener on the parameter itself: it lives as long as each caller's argument, so the
      // calls are judged (no-repeated-subscription reports the one per tick), not the function.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';

function logErrors(client) {
  client.on('error', (err: Error) => console.error(err));
}
const redis = new Redis();
cron.schedule('* * * * *', () => logErrors(redis));
`,
    },
    {
      // The function closes the client right after: the listener goes with it.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';

function disconnectQuietly(client) {
  client.on('error', (err: Error) => console.error(err));
  client.disconnect();
}
const redis = new Redis();
cron.schedule('* * * * *', () => disconnectQuietly(redis));
`,
    },
  ],
  invalid: [
    {
      code: `
import Redis from 'ioredis';
const redis = new Redis();
${listen}
export function refresh() {
  listen(redis, 'x');
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import Redis from 'ioredis';
const redis = new Redis();

function listen(client, channel: string, signal?: AbortSignal) {
  const sub = client.duplicate();
  void sub.subscribe(channel);
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
}

export function refresh() {
  listen(redis, 'x');
}
`,
            },
          ],
        },
      ],
    },
    {
      // Through another function's parameter: \`refresh\` is given a Redis client by its one caller.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
${listen}
function refresh(redis) {
  listen(redis, 'x');
}
const redis = new Redis();
cron.schedule('* * * * *', () => refresh(redis));
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 7,
          column: 8,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import Redis from 'ioredis';
import cron from 'node-cron';

function listen(client, channel: string, signal?: AbortSignal) {
  const sub = client.duplicate();
  void sub.subscribe(channel);
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
}

function refresh(redis) {
  listen(redis, 'x');
}
const redis = new Redis();
cron.schedule('* * * * *', () => refresh(redis));
`,
            },
          ],
        },
      ],
    },
  ],
});
