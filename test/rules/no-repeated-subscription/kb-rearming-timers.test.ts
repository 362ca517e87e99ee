import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-repeated-subscription: self-re-arming setTimeout', rule, {
  valid: [
    // each run arms the next: one timer pending at a time
    `
declare function work(): void;

function poll() {
  work();
  setTimeout(poll, 1000);
}
poll();
`,
    `
declare function connect(): Promise<void>;

function reconnect() {
  connect().catch(() => setTimeout(() => reconnect(), 1000));
}
reconnect();
`,
  ],
  invalid: [
    {
      // one more poller on every tick
      code: `
import cron from 'node-cron';

declare function work(): void;
function poll() {
  work();
  setTimeout(poll, 1000);
}
cron.schedule('* * * * *', () => {
  poll();
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'poll', every: 'on every tick of this cron job', started: 'self-re-arming timer', path: 'setTimeout (file.ts:7)' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 7,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';

declare function work(): void;
function poll() {
  work();
  setTimeout(poll, 1000);
}
poll();
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
    {
      // a poller per request, re-armed from a promise callback
      code: `
import express from 'express';

declare function fetchStatus(id: string): Promise<{ done: boolean }>;
function watchJob(id: string) {
  const poll = () => {
    void fetchStatus(id).then(() => {
      setTimeout(poll, 1000);
    });
  };
  poll();
}
const app = express();
app.post('/jobs/:id/watch', (req, res) => {
  watchJob(req.params.id);
  res.end();
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'watchJob', every: 'on every request to this route', started: 'self-re-arming timer', path: 'poll (file.ts:6) → setTimeout (file.ts:8)' },
          line: 15,
          column: 3,
          endLine: 15,
          endColumn: 11,
        },
      ],
    },
  ],
});
