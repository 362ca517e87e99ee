import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A helper called on every tick that adds a one-shot 'error' listener to a shared channel leaves
// one behind on every call that does not fail; a loop over the tick's jobs inside the tick does
// not make what the helper adds to a shared emitter a once-per-element setup.
runInBothModes('no-repeated-subscription: listeners a helper leaves on a shared target, per call', rule, {
  valid: [
    // the helper removes its one-shot listener when the publish succeeds
    `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';
const channel = new EventEmitter();
function publish(job: string) {
  const onError = (err: Error) => console.error(job, err);
  channel.once('error', onError);
  channel.emit('job', job);
  channel.off('error', onError);
}
cron.schedule('* * * * *', () => {
  publish('a');
});
`,
    // a loop over channels at startup: each channel once
    `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
function listen(event: string) {
  bus.on(event, () => console.log(event));
}
for (const event of ['a', 'b']) listen(event);
`,
  ],
  invalid: [
    {
      code: `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';
const channel = new EventEmitter();
function publish(job: string) {
  channel.once('error', (err: Error) => console.error(job, err));
  channel.emit('job', job);
}
cron.schedule('* * * * *', () => {
  publish('a');
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'publish', every: 'on every tick of this cron job', started: "one-shot 'error' listener", path: 'channel.once (file.ts:6)' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 10,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';
const channel = new EventEmitter();
function publish(job: string) {
  channel.once('error', (err: Error) => console.error(job, err));
  channel.emit('job', job);
}
publish('a');
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import cron from 'node-cron';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
function listen(event: string) {
  bus.on(event, () => console.log(event));
}
cron.schedule('* * * * *', () => {
  for (const event of ['a', 'b']) listen(event);
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'listen', every: 'on every tick of this cron job', started: 'listener', path: 'bus.on (file.ts:6)' },
          line: 9,
          column: 35,
          endLine: 9,
          endColumn: 41,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: listeners a helper leaves on a shared target, per call (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const cron = require('node-cron');
const { EventEmitter } = require('events');
const channel = new EventEmitter();
function publish(job) {
  channel.once('error', (err) => console.error(job, err));
  channel.emit('job', job);
}
cron.schedule('* * * * *', () => {
  for (const job of [1, 2]) publish(job);
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'publish', every: 'on every tick of this cron job', started: "one-shot 'error' listener", path: 'channel.once (file.js:6)' },
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 36,
        },
      ],
    },
  ],
});
