import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A member the class was given (a constructor parameter, an import) is not the object's own: it
// lives on after each call of a method, so a listener a method adds to it per call piles up
// there (bullmq's `Job#waitUntilFinished` adds one to `this.queue` per call and removes it
// when the job settles). What the class made itself dies with the object.
runInBothModes('no-leaked-subscription: listeners on a member the object was given', rule, {
  valid: [
    // Removed when the wait settles.
    `
import { EventEmitter } from 'node:events';

export class Job {
  queue: EventEmitter;
  constructor(queue: EventEmitter) {
    this.queue = queue;
  }
  waitUntilFinished() {
    return new Promise((resolve) => {
      const onClosing = () => {
        this.queue.removeListener('closing', onClosing);
        resolve(undefined);
      };
      this.queue.on('closing', onClosing);
    });
  }
}
`,
    // Made by the class: it dies with the object.
    `
import { EventEmitter } from 'node:events';

export class Job {
  private readonly events = new EventEmitter();
  wait() {
    this.events.on('closing', () => console.log('closing'));
  }
}
`,
    // Added once, in the constructor: the caller that handed it in decides how long it lives.
    `
import { EventEmitter } from 'node:events';

export class Job {
  constructor(private readonly queue: EventEmitter) {
    this.queue.on('closing', () => console.log('closing'));
  }
}
`,
    // Removed by the class's own teardown.
    `
import { EventEmitter } from 'node:events';

export class Watcher {
  constructor(private readonly queue: EventEmitter) {}
  start() {
    this.queue.on('closing', this.onClosing);
  }
  stop() {
    this.queue.off('closing', this.onClosing);
  }
  onClosing = () => console.log('closing');
}
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

export class Job {
  queue: EventEmitter;
  constructor(queue: EventEmitter) {
    this.queue = queue;
  }
  waitUntilFinished() {
    return new Promise((resolve) => {
      const onClosing = () => resolve(undefined);
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
          // No suggestion: the function is a Promise executor, whose parameters are not ours to add.
        },
      ],
    },
    {
      // A parameter property is given too; a removal in another class does not end it.
      code: `
import { EventEmitter } from 'node:events';

export class Job {
  constructor(private readonly queue: EventEmitter) {}
  wait() {
    this.queue.on('closing', () => console.log('closing'));
  }
}

export class Other {
  constructor(private readonly queue: EventEmitter) {}
  stop() {
    this.queue.removeAllListeners('closing');
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.queue.on(…)', label: "a 'closing' listener", target: 'this.queue', outlives: 'given to the object' },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`wait()`' },
              output: `
import { EventEmitter } from 'node:events';

export class Job {
  constructor(private readonly queue: EventEmitter) {}
  wait(signal?: AbortSignal) {
    const onClosing = () => console.log('closing');
    this.queue.on('closing', onClosing);
    if (signal?.aborted) this.queue.off('closing', onClosing);
    else signal?.addEventListener('abort', () => this.queue.off('closing', onClosing), { once: true });
  }
}

export class Other {
  constructor(private readonly queue: EventEmitter) {}
  stop() {
    this.queue.removeAllListeners('closing');
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: listeners on a member the object was given (JavaScript)', rule, {
  valid: [
    `
const { EventEmitter } = require('node:events');
const bus = new EventEmitter();

class Job {
  constructor() {
    this.events = new EventEmitter();
  }
  wait() {
    this.events.on('done', () => console.log('done'));
  }
}
module.exports = { Job, bus };
`,
  ],
  invalid: [
    {
      // Given a shared emitter of the module: each call adds one more.
      code: `
const { EventEmitter } = require('node:events');
const bus = new EventEmitter();

class Job {
  constructor() {
    this.bus = bus;
  }
  wait() {
    this.bus.on('done', () => console.log('done'));
  }
}
module.exports = { Job };
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.bus.on(…)', label: "a 'done' listener", target: 'this.bus', outlives: 'given to the object' },
          line: 10,
          column: 5,
          endLine: 10,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`wait()`' },
              output: `
const { EventEmitter } = require('node:events');
const bus = new EventEmitter();

class Job {
  constructor() {
    this.bus = bus;
  }
  wait(signal) {
    const onDone = () => console.log('done');
    this.bus.on('done', onDone);
    if (signal?.aborted) this.bus.off('done', onDone);
    else signal?.addEventListener('abort', () => this.bus.off('done', onDone), { once: true });
  }
}
module.exports = { Job };
`,
            },
          ],
        },
      ],
    },
  ],
});
