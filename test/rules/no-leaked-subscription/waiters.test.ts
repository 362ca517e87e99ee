import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: listeners added for one wait', rule, {
  valid: [
    // each listener of the race removes the others: whichever event wins, none stays
    `
import { EventEmitter } from 'node:events';

export class Client extends EventEmitter {
  ready() {
    return new Promise<void>((resolve, reject) => {
      const onReady = () => { cleanup(); resolve(); };
      const onError = (err: Error) => { cleanup(); reject(err); };
      const cleanup = () => {
        this.off('ready', onReady);
        this.off('error', onError);
      };
      this.once('ready', onReady);
      this.once('error', onError);
    });
  }
}
`,
    // removed in finally, whichever way the wait ends (events.once cleans up after itself)
    `
import { EventEmitter, once } from 'node:events';

export class Manager extends EventEmitter {
  async connect() {
    let reject: (err: Error) => void = () => {};
    const onFailed = (err: Error) => reject(err);
    try {
      await Promise.race([
        once(this, 'connect'),
        new Promise<void>((_resolve, innerReject) => {
          reject = innerReject;
          this.on('failed', onFailed);
        }),
      ]);
    } finally {
      this.removeListener('failed', onFailed);
    }
  }
}
`,
    // one `once` on an event that ends the wait: it fires, and goes with it
    `
import { EventEmitter } from 'node:events';

export class Task extends EventEmitter {
  stop() {
    return new Promise<void>((resolve) => {
      this.once('stopped', () => resolve());
    });
  }
}
`,
    // an emitter made per call is dropped with its listeners
    `
import net from 'node:net';

export function probe(port: number) {
  return new Promise<void>((resolve, reject) => {
    const socket = net.connect(port);
    socket.once('connect', () => { socket.end(); resolve(); });
    socket.once('error', reject);
  });
}
`,
    // the constructor's listeners are the object's own, for its whole life
    `
import { EventEmitter } from 'node:events';

export class Conn extends EventEmitter {
  opened: Promise<void>;
  constructor() {
    super();
    this.opened = new Promise((resolve, reject) => {
      this.once('open', () => resolve());
      this.once('error', reject);
    });
  }
}
`,
    // the program's own end: whichever signal comes, the process is going
    `
export function untilShutdown() {
  return new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
}
`,
    // a listener that does not settle the wait is not the wait's: judged as any other
    `
import { EventEmitter } from 'node:events';

export class Feed extends EventEmitter {
  start() {
    return new Promise<void>((resolve) => {
      this.on('item', handleItem);
      resolve();
    });
  }
}
declare function handleItem(item: unknown): void;
`,
  ],
  invalid: [
    // 'error' wins: nothing removes the 'ready' listener, and each call leaves one more
    {
      code: `
import { EventEmitter } from 'node:events';

export class Client extends EventEmitter {
  ready() {
    return new Promise<void>((resolve, reject) => {
      const onReady = () => { this.off('error', onError); resolve(); };
      const onError = (err: Error) => reject(err);
      this.once('ready', onReady);
      this.once('error', onError);
    });
  }
}
`,
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.once('ready', onReady)",
            label: "a one-shot 'ready' listener",
            target: 'this',
            outlives: 'the object itself',
            owner: '`ready()`',
            when: 'when another event ends the wait',
          },
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 16,
        },
      ],
    },
    // an \`on\` listener per execution, never removed: every call adds one
    {
      code: `
import { EventEmitter } from 'node:events';

export class Runner extends EventEmitter {
  execute(id: string) {
    return new Promise((resolve) => {
      const onFinished = (result: { id: string }) => {
        if (result.id === id) resolve(result);
      };
      this.on('finished', onFinished);
    });
  }
}
`,
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.on('finished', onFinished)",
            label: "a 'finished' listener",
            target: 'this',
            outlives: 'the object itself',
            owner: '`execute()`',
            when: 'when the wait is over',
          },
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 14,
        },
      ],
    },
    // a wait helper on an emitter it is given: 'ready' wins and the 'error' listener stays
    {
      code: `
import type { EventEmitter } from 'node:events';

export function whenReady(client: EventEmitter) {
  return new Promise((resolve, reject) => {
    client.once('ready', resolve);
    client.once('error', reject);
  });
}
`,
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
        },
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "client.once('error', reject)",
            label: "a one-shot 'error' listener",
            target: 'client',
            outlives: 'a parameter',
            owner: '`whenReady()`',
            when: 'when another event ends the wait',
          },
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 16,
        },
      ],
    },
    // without the finally: the 'failed' listener, handed the executor's reject, stays after each connect
    {
      code: `
import { EventEmitter, once } from 'node:events';

export class Manager extends EventEmitter {
  async connect() {
    let reject: (err: Error) => void = () => {};
    const onFailed = (err: Error) => reject(err);
    await Promise.race([
      once(this, 'connect'),
      new Promise<void>((_resolve, innerReject) => {
        reject = innerReject;
        this.on('failed', onFailed);
      }),
    ]);
  }
}
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 12, column: 9, endLine: 12, endColumn: 16 }],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: waiters in JavaScript', rule, {
  valid: [
    `
const { EventEmitter } = require('events');
class Redis extends EventEmitter {
  connect() {
    return new Promise((resolve, reject) => {
      const _this = this;
      const onReady = function () { _this.removeListener('close', onClose); resolve(); };
      var onClose = function () { _this.removeListener('ready', onReady); reject(new Error('closed')); };
      _this.once('ready', onReady);
      _this.once('close', onClose);
    });
  }
}
module.exports = Redis;
`,
  ],
  invalid: [
    // `const _this = this`: the object itself, through a callback inside the executor
    {
      code: `
const { EventEmitter } = require('events');
class Redis extends EventEmitter {
  connect() {
    return new Promise((resolve, reject) => {
      const _this = this;
      this.connector.connect(function (err) {
        if (err) return reject(err);
        const onReady = function () { resolve(); };
        var onClose = function () { _this.removeListener('ready', onReady); reject(new Error('closed')); };
        _this.once('ready', onReady);
        _this.once('close', onClose);
      });
    });
  }
}
module.exports = Redis;
`,
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "_this.once('close', onClose)",
            label: "a one-shot 'close' listener",
            target: '_this',
            outlives: 'the object itself',
            owner: '`connect()`',
            when: 'when another event ends the wait',
          },
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 19,
        },
      ],
    },
  ],
});
