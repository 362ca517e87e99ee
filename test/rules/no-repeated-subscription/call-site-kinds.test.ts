import * as path from 'node:path';

import rule from '../../../rules/no-repeated-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// The incident's helper without a type on `client`: nothing in the helper says what it is, the call
// does. A call the engine follows hands the helper the kinds of its arguments (`new Redis()` in the
// caller's file), for that call only: another call with an unknown argument stays silent, and so
// does an argument the call makes itself (it dies with the call). Never from a parameter's name.
const sameFile = `
function listen(client, channel: string) {
  const sub = client.duplicate();
  void sub.subscribe(channel);
}
`;

runInBothModes('no-repeated-subscription: parameter kinds from the call', rule, {
  valid: [
    {
      // Made once, at start-up.
      filename: 'project/jobs.ts',
      code: `
import Redis from 'ioredis';
import { listen } from './untypedListen';
const redis = new Redis();
listen(redis, 'new-task');
`,
    },
    {
      // Nothing shows what the argument is.
      code: `
import cron from 'node-cron';
declare function otherClient(): any;
${sameFile}
cron.schedule('* * * * *', () => listen(otherClient(), 'x'));
`,
    },
    {
      // A fresh emitter per tick: the listener dies with it.
      code: `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';
function watchSource(source) {
  source.on('message', (message: string) => console.log(message));
}
cron.schedule('* * * * *', () => watchSource(new EventEmitter()));
`,
    },
    {
      // The helper closes the client it was given right after adding the listener.
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
      // A listener on the shared client itself, one more per tick.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';

function logErrors(client) {
  client.on('error', (err: Error) => console.error(err));
}
const redis = new Redis();
cron.schedule('* * * * *', () => logErrors(redis));
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'logErrors', every: 'on every tick of this cron job', started: "'error' listener", path: 'client.on (file.ts:6)' },
          line: 9,
          column: 34,
          endLine: 9,
          endColumn: 43,
        },
      ],
    },
    {
      // Same file: every call passes a Redis client.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
${sameFile}
const redis = new Redis();
cron.schedule('* * * * *', () => listen(redis, 'x'));
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'listen', every: 'on every tick of this cron job', started: 'Redis subscription', path: 'sub.subscribe (file.ts:7)' },
          line: 11,
          column: 34,
          endLine: 11,
          endColumn: 40,
        },
      ],
    },
    {
      // Same file, two callers: the one that passes a Redis client is reported, the other is not.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
declare function otherClient(): any;
${sameFile}
const redis = new Redis();
cron.schedule('* * * * *', () => listen(redis, 'x'));
cron.schedule('* * * * *', () => listen(otherClient(), 'y'));
`,
      errors: [{ messageId: 'repeatedCall', line: 12, column: 34, endLine: 12, endColumn: 40 }],
    },
    {
      // Another file's exported helper: this call hands it a Redis client.
      filename: 'project/jobs.ts',
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
import { listen } from './untypedListen';

const redis = new Redis();
cron.schedule('* * * * *', () => {
  listen(redis, 'new-task');
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: {
            callee: 'listen',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'sub.subscribe (untypedListen.ts:5)',
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import Redis from 'ioredis';
import cron from 'node-cron';
import { listen } from './untypedListen';

const redis = new Redis();
listen(redis, 'new-task');
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// Plain JavaScript, CommonJS: `require('./listen')` is followed to `module.exports = { listen }`.
const daemon = path.join(fixturesDir, 'commonjs', 'daemon.js');

javascriptRuleTester.run('no-repeated-subscription: parameter kinds from the call (JavaScript)', rule, {
  valid: [
    {
      // Once at start-up; per tick with an argument of unknown kind.
      filename: daemon,
      code: `
const Redis = require('ioredis');
const cron = require('node-cron');
const subscriptions = require('./listen');
const redis = new Redis();
subscriptions.listen(redis, 'new-task');
cron.schedule('* * * * *', () => {
  subscriptions.listen(unknownClient(), 'new-task');
});
`,
    },
    {
      // Ended by a signal made for each run, aborted when the run is over.
      filename: daemon,
      code: `
const Redis = require('ioredis');
const cron = require('node-cron');
const { listenUntil } = require('./listen');
const redis = new Redis();
cron.schedule('* * * * *', async () => {
  const run = new AbortController();
  listenUntil(redis, 'new-task', run.signal);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  run.abort();
});
`,
    },
  ],
  invalid: [
    {
      filename: daemon,
      code: `
const Redis = require('ioredis');
const cron = require('node-cron');
const { listen } = require('./listen');

const redis = new Redis();
cron.schedule('* * * * *', () => {
  listen(redis, 'new-task');
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'listen', every: 'on every tick of this cron job', started: 'Redis subscription', path: 'sub.subscribe (listen.js:5)' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
const Redis = require('ioredis');
const cron = require('node-cron');
const { listen } = require('./listen');

const redis = new Redis();
listen(redis, 'new-task');
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      // Through the module object, and ended only by the daemon's shutdown signal.
      filename: daemon,
      code: `
const Redis = require('ioredis');
const cron = require('node-cron');
const subscriptions = require('./listen');
const redis = new Redis();
const shutdown = new AbortController();
cron.schedule('* * * * *', () => {
  subscriptions.listenUntil(redis, 'new-task', shutdown.signal);
});
`,
      errors: [
        {
          messageId: 'repeatedCallUntilSignal',
          data: {
            callee: 'subscriptions.listenUntil',
            every: 'on every tick of this cron job',
            started: 'Redis subscription',
            path: 'sub.subscribe (listen.js:12)',
            signal: 'shutdown.signal',
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
const Redis = require('ioredis');
const cron = require('node-cron');
const subscriptions = require('./listen');
const redis = new Redis();
const shutdown = new AbortController();
subscriptions.listenUntil(redis, 'new-task', shutdown.signal);
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});
