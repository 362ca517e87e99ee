import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Code that starts something only once, however often it runs: a flag outside the repeated code
// checked before and set on the way (module or instance state); a one-shot 'exit' listener on a
// child process made by the same run.
runInBothModes('no-repeated-subscription: starts once', rule, {
  valid: [
    `
import cron from 'node-cron';
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
let listening = false;

setInterval(() => {
  if (listening) return;
  listening = true;
  bus.on('job', () => console.log('job'));
}, 1000);

export class Poller {
  private started = false;
  run() {
    cron.schedule('* * * * *', () => {
      if (this.started) return;
      this.started = true;
      bus.on('poll', () => console.log('poll'));
    });
  }
}

cron.schedule('* * * * *', () => {
  const child = spawn('backup', ['--once']);
  child.once('exit', (code) => console.log('backup exited', code));
});
`,
  ],
  invalid: [
    {
      // A flag declared inside the repeated code is new on every run: it guards nothing.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

setInterval(() => {
  let listening = false;
  if (listening) return;
  listening = true;
  bus.on('job', () => console.log('job'));
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "bus.on('job', () => console.log('job'))", every: 'on every tick of this interval', started: "'job' listener" },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`setInterval(…)`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

bus.on('job', () => console.log('job'));
setInterval(() => {
  let listening = false;
  if (listening) return;
  listening = true;
}, 1000);
`,
            },
          ],
        },
      ],
    },
  ],
});
