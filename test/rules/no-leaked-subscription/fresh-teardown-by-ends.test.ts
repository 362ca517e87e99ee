import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// From the fresh corpus (node-resque's Worker): a class whose teardown is called `end`, a name no
// lifecycle list has. It is known as the teardown by what it does: it ends two or more of the
// handles the object keeps. A handle kept on `this` that nothing ends, beside it, is reported,
// without a fix (the teardown is inferred, not declared).
const worker = (end: string, extra = '') => `
import { Socket } from 'node:net';

export class Worker {
  pingTimer: ReturnType<typeof setInterval> | null = null;
  pollTimer: ReturnType<typeof setTimeout> | null = null;
  socket: Socket | null = null;

  async init() {
    this.socket = new Socket();
    this.pollTimer = setTimeout(() => this.poll(), 100);
    this.pingTimer = setInterval(() => this.ping(), 1000);
  }

  async end() {
${end}
  }
${extra}
  poll() {}
  ping() {}
}
`;

runInBothModes('no-leaked-subscription: a teardown known by what it ends', rule, {
  valid: [
    // It ends the interval too.
    worker(`    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.socket?.destroy();
    if (this.pingTimer) clearInterval(this.pingTimer);`),
    // One end is no evidence of a teardown (a pause, a reset).
    worker(`    if (this.pollTimer) clearTimeout(this.pollTimer);`),
    // A restart: it ends two handles, then runs init() again.
    worker(`    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.socket?.destroy();
    await this.init();`),
    // The interval is ended elsewhere, by another method.
    worker(
      `    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.socket?.destroy();`,
      `
  halt() {
    if (this.pingTimer) clearInterval(this.pingTimer);
  }
`,
    ),
  ],
  invalid: [
    {
      code: worker(`    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.socket?.destroy();`),
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.ping(), 1000)', label: 'an interval', member: 'this.pingTimer', teardown: 'end' },
          line: 12,
          column: 22,
          endLine: 12,
          endColumn: 33,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: a teardown known by what it ends (prototype methods)', rule, {
  valid: [
    `
function Monitor() {
  this.ping = null;
}
Monitor.prototype.start = function () {
  this.poll = setTimeout(() => {}, 100);
  this.child = require('node:child_process').spawn('node');
  this.ping = setInterval(() => {}, 1000);
};
Monitor.prototype.kill = function () {
  clearTimeout(this.poll);
  this.child.kill();
  clearInterval(this.ping);
  this.ping = null;
};
module.exports = Monitor;
`,
  ],
  invalid: [
    {
      code: `
function Monitor() {
  this.ping = null;
}
Monitor.prototype.start = function () {
  this.poll = setTimeout(() => {}, 100);
  this.server = require('node:net').createServer();
  this.ping = setInterval(() => {}, 1000);
};
Monitor.prototype.kill = function () {
  clearTimeout(this.poll);
  this.server.close();
  this.ping = null;
};
module.exports = Monitor;
`,
      output: null,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => {}, 1000)', label: 'an interval', member: 'this.ping', teardown: 'Monitor.prototype.kill' },
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 26,
        },
      ],
    },
  ],
});
