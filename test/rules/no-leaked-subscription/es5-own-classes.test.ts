import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// An ES5 class of ours (`function Poller() {}` with `Poller.prototype.stop = function () {}`) is
// summarised like a `class`: an instance holds what its constructor or prototype methods keep on
// `this` and a prototype teardown ends. Same file, or required from a relative path
// (test/fixtures/commonjs/poller.js). A function without prototype methods is no class.
const filename = path.join(fixturesDir, 'commonjs', 'worker.js');

javascriptRuleTester.run('no-leaked-subscription: an instance of an ES5 class of ours (JavaScript)', rule, {
  valid: [
    {
      // The owner's teardown stops it.
      filename,
      code: `
const Poller = require('./poller');
function Worker(onTick) {
  this.poller = new Poller(1000, onTick);
}
Worker.prototype.close = function () {
  this.poller.stop();
};
module.exports = Worker;
`,
    },
    {
      // Handed back to the caller, who owns it.
      filename,
      code: `
const Poller = require('./poller');
function poll(onTick) {
  return new Poller(1000, onTick);
}
module.exports = { poll };
`,
    },
    {
      // A constructor function with no prototype methods is no class: nothing shows it holds anything.
      filename,
      code: `
function Clock(ms, onTick) {
  this.timer = setInterval(onTick, ms);
}
function Worker(onTick) {
  this.clock = new Clock(1000, onTick);
}
Worker.prototype.close = function () {
  this.closing = true;
};
module.exports = Worker;
`,
    },
  ],
  invalid: [
    {
      // Required from another file: the owner's teardown must stop it.
      filename,
      code: `
const Poller = require('./poller');
function Worker(onTick) {
  this.poller = new Poller(1000, onTick);
}
Worker.prototype.close = function () {
  this.closing = true;
};
module.exports = Worker;
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Poller(1000, onTick)', label: 'a Poller (its `stop()` ends an interval)', member: 'this.poller', teardown: 'Worker.prototype.close' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 41,
        },
      ],
    },
  ],
});

/** `Poller`, an ES5 class of the file, made by `watch` and kept as `after` says. */
const watcher = (after: string): string => `
function Poller(this: { timer?: ReturnType<typeof setInterval> }, ms: number, onTick: () => void) {
  this.timer = setInterval(onTick, ms);
}
Poller.prototype.stop = function (this: { timer?: ReturnType<typeof setInterval> }) {
  clearInterval(this.timer);
};

export function watch(onTick: () => void) {
  // @ts-expect-error an ES5 class
  const poller = new Poller(10, onTick);${after}
}
`;

runInBothModes('no-leaked-subscription: an instance of an ES5 class of the file', rule, {
  valid: [watcher('\n  poller.stop();'), watcher('\n  return poller;')],
  invalid: [
    {
      code: watcher(''),
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Poller(10, onTick)', label: 'a Poller (its `stop()` ends an interval)', handle: 'poller' },
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watch()`' },
              output: watcher("\n  if (signal?.aborted) poller.stop();\n  else signal?.addEventListener('abort', () => poller.stop(), { once: true });").replace(
                'export function watch(onTick: () => void)',
                'export function watch(onTick: () => void, signal?: AbortSignal)',
              ),
            },
          ],
        },
      ],
    },
  ],
});
