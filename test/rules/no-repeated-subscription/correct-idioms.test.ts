import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

const filename = 'project/jobs.ts';

// Correct code that runs again and again: none of it may be reported.
runInBothModes('no-repeated-subscription: correct idioms', rule, {
  valid: [
    // The helper guards itself and subscribes once (helpers.ts: a module-level flag).
    {
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { ensureSubscribed } from './helpers';
const redis = new Redis();
cron.schedule('* * * * *', () => ensureSubscribed(redis, () => undefined));
`,
    },
    // A cached handle checked before subscribing, and a lazily created client.
    `
import { Redis } from 'ioredis';
let subscriber: Redis | undefined;
let client: Redis | undefined;
function ensureSubscriber(url: string) {
  if (subscriber) return subscriber;
  subscriber = new Redis(url);
  void subscriber.subscribe('jobs');
  return subscriber;
}
function getClient() {
  return (client ??= new Redis());
}
setInterval(() => {
  ensureSubscriber('redis://localhost');
  void getClient().get('x');
}, 1000);
`,
    // The helper ends what it starts on the signal it is given; each tick has its own controller.
    {
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { subscribeUntil } from './subscribe';
const redis = new Redis();
cron.schedule('* * * * *', async () => {
  const tick = new AbortController();
  try {
    subscribeUntil(redis, () => undefined, tick.signal);
    await redis.get('task');
  } finally {
    tick.abort();
  }
});
`,
    },
    // The handle is returned and the caller keeps it in a collection that is cleaned.
    {
      filename,
      code: `
import { Redis } from 'ioredis';
import { openSubscriber } from './subscribe';
const redis = new Redis();
const subscribers = new Set<Redis>();
setInterval(() => {
  for (const old of subscribers) void old.quit();
  subscribers.clear();
  subscribers.add(openSubscriber(redis));
}, 1000);
`,
    },
    // One-shot request/response, and mutual recursion that starts nothing.
    {
      filename,
      code: `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { countdownA, fetchTask } from './helpers';
const redis = new Redis();
cron.schedule('* * * * *', async () => {
  await fetchTask(redis);
  await redis.get('other');
  countdownA(10);
});
`,
    },
    // Ended within the tick: unsubscribed in finally, listener removed, interval cleared.
    `
import cron from 'node-cron';
import { Redis } from 'ioredis';
import { EventEmitter, once } from 'node:events';
const redis = new Redis();
const bus = new EventEmitter();
cron.schedule('* * * * *', async () => {
  const sub = redis.duplicate();
  try {
    await sub.subscribe('task');
    await once(sub, 'message');
  } finally {
    await sub.quit();
  }
  const onJob = () => undefined;
  bus.on('job', onJob);
  try {
    await once(bus, 'done');
  } finally {
    bus.off('job', onJob);
  }
  const progress = setInterval(() => console.log('working'), 100);
  await once(bus, 'done');
  clearInterval(progress);
});
`,
    // Each element starts its own thing once: subscribing every channel of a list.
    `
import { Redis } from 'ioredis';
import { EventEmitter } from 'node:events';
const sub = new Redis();
const bus = new EventEmitter();
const channels = ['a', 'b'];
for (const channel of channels) {
  void sub.subscribe(channel);
}
channels.forEach((channel) => bus.on(channel, () => console.log(channel)));
`,
    // Per-request objects: a listener on the request dies with it.
    `
import express from 'express';
const app = express();
app.get('/stream', (req, res) => {
  req.on('close', () => res.end());
  res.on('finish', () => console.log('done'));
});
`,
    // Lifecycle events fire once: their listeners are not repeated.
    `
import * as http from 'node:http';
const server = http.createServer();
server.on('listening', () => {
  setInterval(() => console.log('alive'), 60_000);
});
process.on('SIGTERM', () => {
  server.close();
});
`,
    // A one-shot setTimeout per tick, and a signal passed to the API that takes one.
    `
setInterval(() => {
  setTimeout(() => console.log('later'), 10);
}, 1000);
export function watch(target: EventTarget, signal: AbortSignal) {
  setInterval(() => {
    target.addEventListener('ping', () => undefined, { signal: AbortSignal.timeout(500) });
  }, 1000);
}
`,
    // A helper that listens on what it is handed, given a fresh object each time: it dies with it.
    `
import { EventEmitter } from 'node:events';
function handle(socket: EventEmitter) {
  socket.on('data', (chunk) => console.log(chunk));
}
function wire(socket: EventEmitter) {
  handle(socket);
}
const server = new EventEmitter();
server.on('connection', (socket: EventEmitter) => wire(socket));
setInterval(() => {
  const probe = new EventEmitter();
  handle(probe);
}, 1000);
`,
    // Unknown receivers are not judged by method name alone.
    `
declare const store: { subscribe(fn: () => void): () => void };
setInterval(() => {
  const unsubscribe = store.subscribe(() => undefined);
  unsubscribe();
}, 1000);
`,
  ],
  invalid: [],
});

// Plain JavaScript: CommonJS schedulers are tracked like imports.
javascriptRuleTester.run('no-repeated-subscription: plain JavaScript', rule, {
  valid: [
    `
const cron = require('node-cron');
cron.schedule('* * * * *', async () => {
  await Promise.resolve();
});
`,
  ],
  invalid: [
    {
      code: `
const cron = require('node-cron');
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function listen() {
  bus.on('job', () => console.log('job'));
}
cron.schedule('* * * * *', () => {
  listen();
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'listen', every: 'on every tick of this cron job', started: "'job' listener", path: 'bus.on (file.js:6)' },
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
const cron = require('node-cron');
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function listen() {
  bus.on('job', () => console.log('job'));
}
listen();
cron.schedule('* * * * *', () => {
});
`,
            },
            // No per-run controller: the tick does not await `listen()`, which returns at once.
          ],
        },
      ],
    },
  ],
});
