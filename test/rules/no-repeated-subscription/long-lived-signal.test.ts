import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Linted as test/fixtures/project/jobs.ts, beside subscribe.ts: \`subscribeUntil(client, onNewTask, signal)\`
// quits its connection when \`signal\` aborts.
const filename = 'project/jobs.ts';

// A signal ends what a run starts only if it is made for that run. One that outlives the
// repetition (a shutdown signal, a parameter of the function around the scheduler) ends all of
// them at once, at the end: until then each run leaves one more running.
runInBothModes('no-repeated-subscription: a long-lived signal is no per-run end', rule, {
  valid: [
    // Once at start-up under the shutdown signal; per run under a per-run controller, a signal
    // combined with it, a timeout, or ended on the run's own abort.
    {
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeUntil } from './subscribe';

const redis = new Redis();
const shutdown = new AbortController();
const wake = () => console.log('wake');

subscribeUntil(redis, wake, shutdown.signal);

cron.schedule('* * * * *', async () => {
  const run = new AbortController();
  subscribeUntil(redis, wake, AbortSignal.any([shutdown.signal, run.signal]));
  subscribeUntil(redis, wake, AbortSignal.timeout(30_000));
  const sub = redis.duplicate();
  void sub.subscribe('news');
  run.signal.addEventListener('abort', () => void sub.quit(), { once: true });
  await redis.get('task');
  run.abort();
});
`,
    },
  ],
  invalid: [
    {
      // The helper quits its connection only when shutdown aborts: one more connection per tick.
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeUntil } from './subscribe';

const redis = new Redis();
const shutdown = new AbortController();
const wake = () => console.log('wake');

cron.schedule('* * * * *', () => {
  subscribeUntil(redis, wake, shutdown.signal);
});
`,
      errors: [
        {
          messageId: 'repeatedCallUntilSignal',
          data: {
            callee: 'subscribeUntil',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'sub.subscribe (subscribe.ts:12)',
            signal: 'shutdown.signal',
          },
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeUntil } from './subscribe';

const redis = new Redis();
const shutdown = new AbortController();
const wake = () => console.log('wake');

subscribeUntil(redis, wake, shutdown.signal);
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      // The caller's signal, a parameter of the function that schedules: it outlives every tick.
      filename,
      code: `
import type { Redis } from 'ioredis';
import { subscribeUntil } from './subscribe';

export function startJobs(redis: Redis, signal: AbortSignal) {
  setInterval(() => subscribeUntil(redis, () => undefined, signal), 1000);
}
`,
      errors: [
        {
          messageId: 'repeatedCallUntilSignal',
          data: {
            callee: 'subscribeUntil',
            every: 'on every tick of this interval',
            started: 'Redis subscription',
            path: 'sub.subscribe (subscribe.ts:12)',
            signal: 'signal',
          },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 35,
          // An arrow's expression body is no statement to hoist.
          suggestions: [],
        },
      ],
    },
    {
      // Started right in the tick: a listener given the shutdown signal, a connection quit on it.
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';

declare const target: EventTarget;
const redis = new Redis();
const shutdown = new AbortController();
const onPing = () => console.log('ping');

cron.schedule('* * * * *', () => {
  target.addEventListener('ping', onPing, { signal: shutdown.signal });
  const sub = redis.duplicate();
  void sub.subscribe('news');
  shutdown.signal.addEventListener('abort', () => void sub.quit(), { once: true });
});
`,
      errors: [
        {
          messageId: 'repeatedStartUntilSignal',
          data: {
            code: 'target.addEventListener(…)',
            every: 'on every tick of this cron job',
            started: "'ping' listener",
            signal: 'shutdown.signal',
          },
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { Redis } from 'ioredis';

declare const target: EventTarget;
const redis = new Redis();
const shutdown = new AbortController();
const onPing = () => console.log('ping');

target.addEventListener('ping', onPing, { signal: shutdown.signal });
cron.schedule('* * * * *', () => {
  const sub = redis.duplicate();
  void sub.subscribe('news');
  shutdown.signal.addEventListener('abort', () => void sub.quit(), { once: true });
});
`,
            },
          ],
        },
        {
          messageId: 'repeatedStartUntilSignal',
          data: {
            code: "sub.subscribe('news')",
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            signal: 'shutdown.signal',
          },
          line: 13,
          column: 8,
          endLine: 13,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: a long-lived signal (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const cron = require('node-cron');
const Redis = require('ioredis');

const redis = new Redis();
const shutdown = new AbortController();

function openFeed(signal) {
  const sub = redis.duplicate();
  sub.subscribe('feed');
  signal.addEventListener('abort', () => sub.quit(), { once: true });
}

cron.schedule('* * * * *', () => {
  openFeed(shutdown.signal);
});

cron.schedule('* * * * *', () => {
  const tick = new AbortController();
  openFeed(tick.signal);
  tick.abort();
});
`,
      errors: [
        {
          messageId: 'repeatedCallUntilSignal',
          data: {
            callee: 'openFeed',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'sub.subscribe (file.js:10)',
            signal: 'shutdown.signal',
          },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
const cron = require('node-cron');
const Redis = require('ioredis');

const redis = new Redis();
const shutdown = new AbortController();

function openFeed(signal) {
  const sub = redis.duplicate();
  sub.subscribe('feed');
  signal.addEventListener('abort', () => sub.quit(), { once: true });
}

openFeed(shutdown.signal);
cron.schedule('* * * * *', () => {
});

cron.schedule('* * * * *', () => {
  const tick = new AbortController();
  openFeed(tick.signal);
  tick.abort();
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// The fixes' own form: the end also runs at once when the signal has aborted already. That branch
// runs only once the long-lived signal has aborted, so it is no per-run end either.
runInBothModes('no-repeated-subscription: ended at once on a long-lived signal aborted already', rule, {
  valid: [],
  invalid: [
    {
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';

const redis = new Redis();
const shutdown = new AbortController();

cron.schedule('* * * * *', () => {
  const sub = redis.duplicate();
  void sub.subscribe('news');
  if (shutdown.signal.aborted) void sub.quit();
  else shutdown.signal.addEventListener('abort', () => void sub.quit(), { once: true });
});
`,
      errors: [
        {
          messageId: 'repeatedStartUntilSignal',
          data: { code: "sub.subscribe('news')", every: 'on every tick of this cron job', started: 'Redis subscription', signal: 'shutdown.signal' },
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
  ],
});
