import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A teardown that ends a stored handle ends only the last one: a start() that runs again (a route,
// a file watcher) and overwrites the slot without ending what is there leaks the one before.
runInBothModes('no-leaked-subscription: a restarted start overwrites what its teardown would end', rule, {
  valid: [
    // start() checks the slot first
    `
import express from 'express';
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    if (this.timer) return;
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
const poller = new Poller();
express().post('/start', () => poller.start());
`,
    // start() ends the one before through stop()
    `
import express from 'express';
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.stop();
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
const poller = new Poller();
express().post('/start', () => poller.start());
`,
    // start() runs once, from the top level
    `
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
const poller = new Poller();
poller.start();
process.on('SIGTERM', () => poller.stop());
`,
  ],
  invalid: [
    {
      code: `
import express from 'express';
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
const poller = new Poller();
express().post('/start', () => poller.start());
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'setInterval(…)', member: 'this.timer', again: 'start', every: 'on every request to this route (line 13)' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
    {
      code: `
import { watch } from 'node:fs';
class Checker {
  private timer: ReturnType<typeof setInterval> | undefined;
  start(ms: number) {
    this.timer = setInterval(() => console.log('check'), ms);
  }
  stop() {
    clearInterval(this.timer);
  }
}
const checker = new Checker();
checker.start(1000);
watch('health.json', () => checker.start(5000));
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'setInterval(…)', member: 'this.timer', again: 'start', every: 'on every change this file watcher sees (line 14)' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: a restarted start overwrites what its teardown would end (JavaScript)', rule, {
  valid: [
    `
const express = require('express');
class Heartbeat {
  constructor(socket) { this.socket = socket; this.timer = null; }
  start() {
    this.stop();
    this.timer = setInterval(() => this.socket.ping(), 30000);
  }
  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
const beat = new Heartbeat(process);
express().post('/beat', () => beat.start());
`,
  ],
  invalid: [
    {
      code: `
const express = require('express');
class Poller {
  constructor(fn, ms) { this.fn = fn; this.ms = ms; this.timer = null; }
  start() { this.timer = setInterval(this.fn, this.ms); }
  stop() { clearInterval(this.timer); }
}
const poller = new Poller(() => {}, 1000);
const app = express();
app.post('/resume', (req, res) => { poller.start(); res.end(); });
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'setInterval(this.fn, this.ms)', member: 'this.timer', again: 'start', every: 'on every request to this route (line 10)' },
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 37,
        },
      ],
    },
  ],
});
