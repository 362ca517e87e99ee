import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, untypedRuleTester } from '../../ruleTester';

// ES5 classes: a constructor function whose prototype the file chains to an emitter's
// (`util.inherits`, `Object.setPrototypeOf`, `Object.create`, TypeScript's `__extends`) makes
// emitters, and `this` in its constructor and prototype methods is one. The chain is the evidence,
// never the names: a local function called `EventEmitter` is nobody's emitter.

/** `bus` made by the constructor `Bus`, inheriting as `inherit` says, with a listener added on every `follow()`. */
const follow = (inherit: string): string => `
import EventEmitter from 'node:events';
import util from 'node:util';

function Bus() {
  EventEmitter.call(this);
}
${inherit}

const bus = new Bus();

export function follow(onJob) {
  bus.on('job', onJob);
}
`;

const followed = (inherit: string, signal: string) => ({
  code: follow(inherit),
  errors: [
    {
      messageId: 'listenerNotRemoved' as const,
      data: { code: "bus.on('job', onJob)", label: "a 'job' listener", target: 'bus', outlives: 'module-level' },
      line: 13,
      column: 3,
      endLine: 13,
      endColumn: 9,
      suggestions: [
        {
          messageId: 'addSignalParameter' as const,
          data: { owner: '`follow()`' },
          output: follow(inherit)
            .replace('export function follow(onJob) {', `export function follow(onJob, ${signal}) {`)
            .replace(
              "  bus.on('job', onJob);\n",
              "  bus.on('job', onJob);\n  if (signal?.aborted) bus.off('job', onJob);\n  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });\n",
            ),
        },
      ],
    },
  ],
});

const waiter = `
import EventEmitter from 'node:events';
import util from 'node:util';

function Bus() { EventEmitter.call(this); }
util.inherits(Bus, EventEmitter);
Bus.prototype.waitFor = function (id) {
  return new Promise((resolve) => {
    this.on('done', (doneId) => { if (doneId === id) resolve(); });
  });
};
export default Bus;
`;

const compiled = `
var __extends = (this && this.__extends) || function (d, b) { Object.setPrototypeOf(d, b); };
var events_1 = require("events");
var Bus = /** @class */ (function (_super) {
    __extends(Bus, _super);
    function Bus() {
        return _super.call(this) || this;
    }
    return Bus;
}(events_1.EventEmitter));
var bus = new Bus();
export function follow(onJob) {
    bus.on('job', onJob);
}
`;

const cases = (signal: string) => ({
  valid: [
    // a constructor with its own `on` that keeps listeners in an array: nothing shows an emitter
    `
function Bus() { this.handlers = []; }
Bus.prototype.on = function (name, fn) { this.handlers.push([name, fn]); };
const bus = new Bus();
export function follow(onJob) {
  bus.on('job', onJob);
}
`,
    // inherits from a local function that happens to be called EventEmitter: a name, not a provenance
    `
import util from 'node:util';
function EventEmitter() { this.handlers = []; }
EventEmitter.prototype.on = function (name, fn) { this.handlers.push(fn); };
function Bus() { EventEmitter.call(this); }
util.inherits(Bus, EventEmitter);
const bus = new Bus();
export function follow(onJob) {
  bus.on('job', onJob);
}
`,
    // inherits from a class that is not an emitter
    `
import util from 'node:util';
class Base { on(name, fn) { this.fn = fn; } }
function Bus() { Base.call(this); }
util.inherits(Bus, Base);
const bus = new Bus();
export function follow(onJob) {
  bus.on('job', onJob);
}
`,
    // the correct idiom: the listener is removed by the disposer handed back
    `
import EventEmitter from 'node:events';
import util from 'node:util';
function Bus() { EventEmitter.call(this); }
util.inherits(Bus, EventEmitter);
const bus = new Bus();
export function follow(onJob) {
  bus.on('job', onJob);
  return () => bus.off('job', onJob);
}
`,
    // the waiter removes its listener when the wait is over
    `
import EventEmitter from 'node:events';
import util from 'node:util';
function Bus() { EventEmitter.call(this); }
util.inherits(Bus, EventEmitter);
Bus.prototype.waitFor = function (id) {
  return new Promise((resolve) => {
    const onDone = (doneId) => {
      if (doneId !== id) return;
      this.off('done', onDone);
      resolve();
    };
    this.on('done', onDone);
  });
};
export default Bus;
`,
  ],
  invalid: [
    followed('util.inherits(Bus, EventEmitter);', signal),
    followed('Object.setPrototypeOf(Bus.prototype, EventEmitter.prototype);', signal),
    followed('Bus.prototype = Object.create(EventEmitter.prototype);', signal),
    followed('Bus.prototype.__proto__ = EventEmitter.prototype;', signal),
    // TypeScript's ES5 output: `__extends` in the IIFE called with the base
    {
      code: compiled,
      errors: [
        {
          messageId: 'listenerNotRemoved' as const,
          data: { code: "bus.on('job', onJob)", label: "a 'job' listener", target: 'bus', outlives: 'module-level' },
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter' as const,
              data: { owner: '`follow()`' },
              output: compiled
                .replace('export function follow(onJob) {', `export function follow(onJob, ${signal}) {`)
                .replace(
                  "    bus.on('job', onJob);\n",
                  "    bus.on('job', onJob);\n    if (signal?.aborted) bus.off('job', onJob);\n    else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });\n",
                ),
            },
          ],
        },
      ],
    },
    // `this` in a prototype method is the emitter: a waiter's listener stays after each wait
    {
      code: waiter,
      errors: [{ messageId: 'listenerLeftByWaiter' as const, line: 9, column: 5, endLine: 9, endColumn: 12 }],
    },
  ],
});

// TypeScript's checkJs, which the fix check compiles plain JavaScript with, does not follow an
// assignment to `__proto__`: the suggestion's `bus.off` runs, but reads there as a missing
// property. That chain is tested without types (a .ts file) only.
const javascriptCases = cases('signal');
javascriptRuleTester.run('no-leaked-subscription: ES5 classes (javascript)', rule, {
  ...javascriptCases,
  invalid: javascriptCases.invalid.filter((test) => !test.code.includes('__proto__')),
});
untypedRuleTester.run('no-leaked-subscription: ES5 classes (untyped)', rule, cases('signal?: AbortSignal'));
