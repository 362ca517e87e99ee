import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A request to end (SIGTERM, SIGINT) runs its handler once. Any other signal can be sent again:
// `kill -HUP` for a reload, SIGUSR2 for a log rotation. What such a handler starts piles up,
// unless the handler exits the process or ends what it replaces.
runInBothModes('no-repeated-subscription: handlers of signals sent again', rule, {
  valid: [
    `
process.on('SIGTERM', () => {
  setInterval(() => console.log('draining'), 1000);
});
`,
    `
process.on('SIGUSR2', () => {
  setInterval(() => console.log('dumping'), 1000);
  process.exit(0);
});
`,
    `
import Redis from 'ioredis';
let sub: Redis | undefined;
function reload() {
  void sub?.quit();
  sub = new Redis();
  void sub.subscribe('config');
}
process.on('SIGHUP', reload);
`,
  ],
  invalid: [
    {
      code: `
process.on('SIGHUP', () => {
  setInterval(() => console.log('reloaded'), 1000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: "on every 'SIGHUP' event", started: 'interval' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`process.on(…)`' },
              output: `
setInterval(() => console.log('reloaded'), 1000);
process.on('SIGHUP', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import Redis from 'ioredis';
let sub: Redis | undefined;
function reload() {
  sub = new Redis();
  void sub.subscribe('config');
}
process.on('SIGHUP', reload);
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'new Redis()', every: "on every 'SIGHUP' event", slot: 'sub' },
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
        },
      ],
    },
  ],
});
