import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Linted as test/fixtures/project/jobs.ts, beside the helpers it imports from that folder.
const filename = 'project/jobs.ts';

runInBothModes('no-repeated-subscription: what it reports', rule, {
  valid: [],
  invalid: [
    {
      // The incident: the cron job calls a helper in another file that opens a subscription.
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeNewTaskMsgIfAvailable } from './subscribe';

const redis = new Redis();
const wake = () => console.log('new task');

cron.schedule('*/5 * * * * *', async () => {
  subscribeNewTaskMsgIfAvailable(redis, wake);
  await redis.get('task');
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: {
            callee: 'subscribeNewTaskMsgIfAvailable',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'sub.subscribe (subscribe.ts:6)',
          },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeNewTaskMsgIfAvailable } from './subscribe';

const redis = new Redis();
const wake = () => console.log('new task');

subscribeNewTaskMsgIfAvailable(redis, wake);
cron.schedule('*/5 * * * * *', async () => {
  await redis.get('task');
});
`,
            },
          ],
        },
      ],
    },
    {
      // Two calls deep, across two files, with the path named.
      filename,
      code: `
import { CronJob } from 'cron';
import { Redis } from 'ioredis';
import { refreshSubscriptions } from './helpers';

const redis = new Redis();

CronJob.from({
  cronTime: '* * * * *',
  onTick: () => {
    const wake = () => console.log('wake');
    refreshSubscriptions(redis, wake);
  },
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: {
            callee: 'refreshSubscriptions',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'subscribeNewTaskMsgIfAvailable (subscribe.ts:3) → sub.subscribe (subscribe.ts:6)',
          },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    {
      // Mutual recursion on the way: the cycle guard stops, and the leak behind it is still found.
      filename,
      code: `
import { Redis } from 'ioredis';
import { pollA } from './helpers';

const redis = new Redis();
setInterval(() => pollA(redis, () => undefined, 3), 1000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: {
            callee: 'pollA',
            every: 'on every tick of this interval',
            started: 'Redis subscription',
            path: 'pollB (helpers.ts:15) → subscribeNewTaskMsgIfAvailable (subscribe.ts:3) → sub.subscribe (subscribe.ts:6)',
          },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      // A same-file helper: hoist it, or thread a per-run signal into it.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function follow(onUpdate: (update: unknown) => void) {
  bus.on('update', onUpdate);
}

setInterval(() => {
  follow(console.log);
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'follow', every: 'on every tick of this interval', started: "'update' listener", path: 'bus.on (file.ts:7)' },
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`setInterval(…)`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function follow(onUpdate: (update: unknown) => void) {
  bus.on('update', onUpdate);
}

follow(console.log);
setInterval(() => {
}, 1000);
`,
            },
            // No per-run controller: `follow()` returns at once, so aborting when the tick ends
            // would remove the listener as soon as it was added (test/fix/unattended.test.ts).
          ],
        },
      ],
    },
    {
      // The same kind of helper handed a shared object: each tick adds a listener to it.
      code: `
import { EventEmitter } from 'node:events';
function handle(socket: EventEmitter) {
  socket.on('data', (chunk) => console.log(chunk));
}
const shared = new EventEmitter();
setInterval(() => handle(shared), 1000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: {
            callee: 'handle',
            every: 'on every tick of this interval',
            started: "'data' listener",
            path: 'socket.on (file.ts:4)',
          },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 25,
          // An arrow's expression body is no statement to hoist or wrap.
          suggestions: [],
        },
      ],
    },
    {
      // A listener started directly in a route handler, on a shared emitter.
      code: `
import express from 'express';
import { EventEmitter } from 'node:events';

const updates = new EventEmitter();
const app = express();

app.get('/events', (req, res) => {
  updates.on('update', (update) => res.write(String(update)));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'updates.on(…)', every: 'on every request to this route', started: "'update' listener" },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 13,
          suggestions: [],
        },
      ],
    },
    {
      // A connection opened in every iteration of an endless loop.
      code: `
import Redis from 'ioredis';

export async function watchForever(wake: () => void) {
  while (true) {
    const sub = new Redis();
    await sub.subscribe('wake');
    sub.on('message', wake);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "sub.subscribe('wake')", every: 'on every iteration of this endless loop', started: 'Redis subscription' },
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    {
      // An interval started in every event listener call; a per-event signal is threaded through.
      code: `
process.on('message', (message: { signal: AbortSignal }) => {
  const { signal } = message;
  setInterval(() => console.log('still here'), 1000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: "on every 'message' event", started: 'interval' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`process.on(…)`' },
              output: `
setInterval(() => console.log('still here'), 1000);
process.on('message', (message: { signal: AbortSignal }) => {
  const { signal } = message;
});
`,
            },
            {
              messageId: 'threadSignal',
              data: { callee: 'setInterval(…)', when: 'when `signal` aborts' },
              output: `
process.on('message', (message: { signal: AbortSignal }) => {
  const { signal } = message;
  const interval = setInterval(() => console.log('still here'), 1000);
  if (signal.aborted) clearInterval(interval);
  else signal.addEventListener('abort', () => clearInterval(interval), { once: true });
});
`,
            },
          ],
        },
      ],
    },
    {
      // A bullmq processor runs for every job: a channel per job adds one subscription each time.
      // (The same channel every job is a no-op on the shared client: tests in same-channels.test.ts.)
      code: `
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';

const shared = new Redis();
new Worker('emails', async (job) => {
  await shared.subscribe(\`bounces:\${job.id}\`);
  return job.id;
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'shared.subscribe(`bounces:${job.id}`)', every: 'for every job this worker processes', started: 'Redis subscription' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 25,
          // Not hoisted: the awaited call would land outside an async function.
          suggestions: [],
        },
      ],
    },
  ],
});
