import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// From the mutation run (amqplib's heartbeat): a class makes two intervals side by side and one
// method, named like no lifecycle, clears them. With one clearInterval gone, that method ends one
// interval only, which alone is no evidence of a teardown (a pause ends one too). But it ends an
// interval the same constructor made beside the other, that nothing else starts again: it is
// where the constructor's intervals are ended, and the one it leaves is reported, without a fix
// (the teardown is inferred, not declared).
const heart = (clear: string, extra = '') => `
export class Heart {
  sendTimer: ReturnType<typeof setInterval> | undefined;
  recvTimer: ReturnType<typeof setInterval> | undefined;

  constructor(ms: number) {
    this.sendTimer = setInterval(() => this.beat(), ms / 2);
    this.recvTimer = setInterval(() => this.check(), ms);
  }

  clear() {
${clear}
  }
${extra}
  beat() {}
  check() {}
}
`;

runInBothModes('no-leaked-subscription: a teardown known by ending a sibling start', rule, {
  valid: [
    // It ends both.
    heart(`    clearInterval(this.sendTimer);
    clearInterval(this.recvTimer);`),
    // A pause: what it ends is started again elsewhere.
    heart(
      `    clearInterval(this.recvTimer);`,
      `
  resume(ms: number) {
    this.recvTimer = setInterval(() => this.check(), ms);
  }
`,
    ),
    // The other interval is ended by another method.
    heart(
      `    clearInterval(this.recvTimer);`,
      `
  stopSending() {
    clearInterval(this.sendTimer);
  }
`,
    ),
    // What it ends is no sibling of the interval: a socket, not an interval.
    `
import { Socket } from 'node:net';

export class Link {
  socket: Socket;
  timer: ReturnType<typeof setInterval>;

  constructor() {
    this.socket = new Socket();
    this.timer = setInterval(() => this.ping(), 1000);
  }

  drop() {
    this.socket.destroy();
  }

  ping() {}
}
`,
    // It runs from the constructor's own callbacks: one interval ending itself when its work is
    // done, not the end of the object's life.
    `
export class Job {
  finished = false;
  poll: ReturnType<typeof setInterval>;
  progress: ReturnType<typeof setInterval>;

  constructor() {
    this.poll = setInterval(() => this.check(), 1000);
    this.progress = setInterval(() => this.report(), 500);
  }

  report() {
    if (this.finished) this.done();
  }

  done() {
    clearInterval(this.progress);
  }

  check() {}
}
`,
    // The interval it ends was made by another method, not beside this one.
    `
export class Pump {
  fill: ReturnType<typeof setInterval>;
  drain: ReturnType<typeof setInterval> | undefined;

  constructor() {
    this.fill = setInterval(() => this.tick(), 1000);
  }

  open() {
    this.drain = setInterval(() => this.tick(), 500);
  }

  shut() {
    clearInterval(this.drain);
  }

  tick() {}
}
`,
  ],
  invalid: [
    {
      code: heart(`    clearInterval(this.recvTimer);`),
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.beat(), ms / 2)', label: 'an interval', member: 'this.sendTimer', teardown: 'clear' },
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 33,
        },
      ],
    },
    {
      code: heart(`    clearInterval(this.sendTimer);`),
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.check(), ms)', label: 'an interval', member: 'this.recvTimer', teardown: 'clear' },
          line: 8,
          column: 22,
          endLine: 8,
          endColumn: 33,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: a teardown known by ending a sibling start (JavaScript)', rule, {
  valid: [
    `
const { EventEmitter } = require('node:events');
class Heart extends EventEmitter {
  constructor(ms) {
    super();
    this.sendTimer = setInterval(() => this.emit('beat'), ms / 2);
    this.recvTimer = setInterval(() => this.emit('timeout'), ms);
  }
  clear() {
    clearInterval(this.sendTimer);
    clearInterval(this.recvTimer);
  }
}
module.exports.Heart = Heart;
`,
  ],
  invalid: [
    {
      code: `
const { EventEmitter } = require('node:events');
class Heart extends EventEmitter {
  constructor(ms) {
    super();
    this.sendTimer = setInterval(() => this.emit('beat'), ms / 2);
    this.recvTimer = setInterval(() => this.emit('timeout'), ms);
  }
  clear() {
    clearInterval(this.recvTimer);
  }
}
module.exports.Heart = Heart;
`,
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(…)', label: 'an interval', member: 'this.sendTimer', teardown: 'clear' },
          line: 6,
          column: 22,
          endLine: 6,
          endColumn: 33,
        },
      ],
    },
  ],
});
