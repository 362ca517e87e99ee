import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// Plain JavaScript through ESLint's default parser: CommonJS requires are tracked like imports,
// and the suggested parameter has no type annotation.
javascriptRuleTester.run('no-leaked-subscription: plain JavaScript', rule, {
  valid: [
    `
const Redis = require('ioredis');
const sub = new Redis();
sub.subscribe('news');
`,
    `
const { EventEmitter } = require('node:events');
function makeBus() {
  const bus = new EventEmitter();
  bus.on('error', console.error);
  return bus;
}
module.exports = { makeBus };
`,
  ],
  invalid: [
    {
      code: `
const Redis = require('ioredis');
async function helper(client, onNewTask) {
  const sub = client.duplicate();
  await sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
}
const shared = new Redis();
module.exports = { run: () => helper(shared, () => {}) };
exports.subscribeAll = function subscribeAll(onMessage) {
  const sub = new Redis();
  sub.subscribe('all');
  sub.on('message', onMessage);
};
`,
      errors: [
        {
          // `helper`'s one caller hands it a Redis client: `client.duplicate()` is a connection.
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a Redis subscription', connection: 'sub', code: "sub.subscribe('new-task')" },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`helper()`' },
              output: `
const Redis = require('ioredis');
async function helper(client, onNewTask, signal) {
  const sub = client.duplicate();
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
}
const shared = new Redis();
module.exports = { run: () => helper(shared, () => {}) };
exports.subscribeAll = function subscribeAll(onMessage) {
  const sub = new Redis();
  sub.subscribe('all');
  sub.on('message', onMessage);
};
`,
            },
          ],
        },
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a Redis subscription', connection: 'sub', code: "sub.subscribe('all')" },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`subscribeAll()`' },
              output: `
const Redis = require('ioredis');
async function helper(client, onNewTask) {
  const sub = client.duplicate();
  await sub.subscribe('new-task');
  sub.on('message', () => onNewTask());
}
const shared = new Redis();
module.exports = { run: () => helper(shared, () => {}) };
exports.subscribeAll = function subscribeAll(onMessage, signal) {
  const sub = new Redis();
  sub.subscribe('all');
  sub.on('message', onMessage);
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
};
`,
            },
          ],
        },
      ],
    },
    {
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
exports.listen = (handler) => {
  bus.on('job', handler);
};
exports.poll = () => {
  setInterval(() => console.log('tick'), 1000);
};
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`exports.listen()`' },
              output: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
exports.listen = (handler, signal) => {
  bus.on('job', handler);
  if (signal?.aborted) bus.off('job', handler);
  else signal?.addEventListener('abort', () => bus.off('job', handler), { once: true });
};
exports.poll = () => {
  setInterval(() => console.log('tick'), 1000);
};
`,
            },
          ],
        },
        {
          messageId: 'handleDropped',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`exports.poll()`' },
              output: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
exports.listen = (handler) => {
  bus.on('job', handler);
};
exports.poll = (signal) => {
  const interval = setInterval(() => console.log('tick'), 1000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
};
`,
            },
          ],
        },
      ],
    },
  ],
});
