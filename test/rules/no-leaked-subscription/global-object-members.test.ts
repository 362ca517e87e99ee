import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A property of the global object the file sets once at its top level (`global.bus = new
// EventEmitter2()`) is of the kind of that value, as a module variable made once is, and a class
// member read from it (`this.bus = global.bus`) is given to the object, not made by it: a listener
// start() adds to it, which stop() never removes, stays on the process-wide bus (moleculer
// src/transporters/fake.js). One the file writes anywhere else may hold anything. eventemitter2 is
// an EventEmitter (`module.exports = EventEmitter2`).
const relay = (stop: string, extraWrite = '') => `
const EventEmitter2 = require('eventemitter2');

global.bus = new EventEmitter2({ wildcard: true });

class Relay {
  constructor() {
    this.bus = global.bus;
    this.onMessage = (message) => console.log(message);
  }
  start() {
    this.bus.on('message', this.onMessage);
  }
  stop() {
    ${stop}
  }
}
${extraWrite}
module.exports = Relay;
`;

// The child process is the class's own, forked in a promise's executor (node-cron's shape):
// `this.forkProcess = undefined` reads no global's member, so nothing was given to the object.
const forkingRunner = `
const { fork } = require('child_process');

class Runner {
  forkProcess;
  start() {
    return new Promise((resolve, reject) => {
      try {
        this.forkProcess = fork('./daemon.js');
        this.forkProcess.on('error', (error) => reject(error));
        this.forkProcess.on('message', () => resolve());
      } catch (error) {
        reject(error);
      }
    });
  }
  killFork() {
    this.forkProcess?.kill();
    this.forkProcess = undefined;
  }
}
module.exports = Runner;
`;

javascriptRuleTester.run('no-leaked-subscription: a member of the global object set once (JavaScript)', rule, {
  valid: [
    forkingRunner,
    relay(`this.bus.off('message', this.onMessage);`),
    // written again elsewhere: `global.bus` may hold anything
    relay(`this.stopped = true;`, `module.exports.reset = (bus) => {\n  global.bus = bus;\n};`),
  ],
  invalid: [
    {
      code: relay(`this.stopped = true;`),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.bus.on('message', this.onMessage)", label: "a 'message' listener", target: 'this.bus', outlives: 'given to the object' },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 16,
        },
      ],
    },
  ],
});

const relayOnGlobalThis = (stop: string) => `
import { EventEmitter } from 'node:events';

declare global {
  var relayBus: EventEmitter;
}
globalThis.relayBus = new EventEmitter();

export class Relay {
  private readonly onMessage = (message: string) => console.log(message);
  start() {
    globalThis.relayBus.on('message', this.onMessage);
  }
  stop() {
    ${stop}
  }
}
`;

runInBothModes('no-leaked-subscription: a member of globalThis set once', rule, {
  valid: [relayOnGlobalThis(`globalThis.relayBus.off('message', this.onMessage);`)],
  invalid: [
    {
      code: relayOnGlobalThis(`console.log('stopped');`),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'globalThis.relayBus.on(…)', label: "a 'message' listener", target: 'globalThis.relayBus', outlives: 'a global' },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`start()`' },
              output: relayOnGlobalThis(`console.log('stopped');`)
                .replace('start() {', 'start(signal?: AbortSignal) {')
                .replace(
                  "globalThis.relayBus.on('message', this.onMessage);",
                  "globalThis.relayBus.on('message', this.onMessage);\n    if (signal?.aborted) globalThis.relayBus.off('message', this.onMessage);\n    else signal?.addEventListener('abort', () => globalThis.relayBus.off('message', this.onMessage), { once: true });",
                ),
            },
          ],
        },
      ],
    },
  ],
});
