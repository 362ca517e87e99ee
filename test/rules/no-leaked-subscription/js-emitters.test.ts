import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// Plain JavaScript receivers that nothing types: an object the code makes emit named events is an
// emitter; its name alone says nothing.
javascriptRuleTester.run('no-leaked-subscription: untyped receivers that emit events', rule, {
  valid: [
    // a name is no evidence: `bus` may be anything
    `
export function follow(bus, onJob) {
  bus.on('job', onJob);
}
`,
    // the 'emit' is another function's `bus`
    `
export function follow(bus, onJob) {
  bus.on('job', onJob);
}
export function announce(bus) {
  bus.emit('ready');
}
`,
    // removed whichever way the wait ends
    `
export class Job {
  constructor(queue) {
    this.queue = queue;
  }
  progress(value) {
    this.queue.emit('progress', this, value);
  }
  waitUntilFinished() {
    return new Promise((resolve, reject) => {
      const onClosing = () => {
        this.queue.removeListener('closing', onClosing);
        reject(new Error('closing'));
      };
      this.queue.on('closing', onClosing);
    });
  }
}
`,
    // \`on\` of something that returns its own unbind, kept: no emitter evidence is needed to leave it alone
    `
export function follow(bus, onJob) {
  const unbind = bus.on('job', onJob);
  bus.emit('following');
  return unbind;
}
`,
    // a class whose own \`on\` keeps listeners in an array is not shown to be an emitter
    `
export class Task {
  constructor() { this.handlers = []; }
  on(event, fn) { this.handlers.push([event, fn]); }
  execute(id) {
    return new Promise((resolve) => {
      this.on('finished', (context) => { if (context.id === id) resolve(context.result); });
    });
  }
}
`,
    // an add method of its own: the caller's event and listener, handed straight on
    `
export class TcpSocket {
  constructor(socket) { this.socket = socket; }
  on(event, callback) {
    this.socket.on(event, callback);
    return this;
  }
  fail(error) {
    this.socket.emit('error', error);
  }
}
`,
    // mixed with a class that is not an emitter
    `
const util = require('util');
class Base {}
class Client {
  connect() {
    return new Promise((resolve) => {
      this.on('ready', () => resolve());
    });
  }
}
util.inherits(Client, Base);
module.exports = Client;
`,
  ],
  invalid: [
    // the class makes \`this.queue\` emit: a waiter's listener on it stays after each wait
    {
      code: `
export class Job {
  constructor(queue) {
    this.queue = queue;
  }
  progress(value) {
    this.queue.emit('progress', this, value);
  }
  waitUntilFinished() {
    return new Promise((resolve, reject) => {
      const onClosing = () => reject(new Error('closing'));
      this.queue.on('closing', onClosing);
    });
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.queue.on('closing', onClosing)", label: "a 'closing' listener", target: 'this.queue', outlives: 'given to the object' },
          line: 12,
          column: 7,
          endLine: 12,
          endColumn: 20,
        },
      ],
    },
    // a parameter the function makes emit: its listener stays on the caller's emitter
    {
      code: `
export function follow(bus, onJob) {
  bus.on('job', onJob);
  bus.emit('following', onJob);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "bus.on('job', onJob)", label: "a 'job' listener", target: 'bus', outlives: 'a parameter' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
export function follow(bus, onJob, signal) {
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
  bus.emit('following', onJob);
}
`,
            },
          ],
        },
      ],
    },
    // an emitter mixed into the class at module level: 'ready' wins and the 'close' listener stays
    {
      code: `
const { EventEmitter } = require('events');
const applyMixin = require('./applyMixin');
class Redis extends Commander {
  connect() {
    return new Promise((resolve, reject) => {
      const onReady = () => resolve();
      const onClose = () => { this.removeListener('ready', onReady); reject(new Error('closed')); };
      this.once('ready', onReady);
      this.once('close', onClose);
    });
  }
}
applyMixin(Redis, EventEmitter);
module.exports = Redis;
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 10, column: 7, endLine: 10, endColumn: 16 }],
    },
    // a class whose own \`on\` hands listeners to its emitter (a local class that extends EventEmitter)
    {
      code: `
import { EventEmitter } from 'events';
class TaskEmitter extends EventEmitter {}
export class Task {
  constructor() { this.emitter = new TaskEmitter(); }
  on(event, fn) { this.emitter.on(event, fn); }
  off(event, fn) { this.emitter.off(event, fn); }
  execute(id) {
    return new Promise((resolve) => {
      const onFinished = (context) => { if (context.id === id) resolve(context.result); };
      this.on('execution:finished', onFinished);
    });
  }
}
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 11, column: 7, endLine: 11, endColumn: 14 }],
    },
  ],
});
