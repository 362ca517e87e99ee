import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// croner: `new Cron(pattern, [options], job)` runs `job` on every tick, so what the job starts and
// drops piles up one per tick, as under node-cron; and the job itself ticks until `stop()`.
runInBothModes('no-repeated-subscription: croner jobs', rule, {
  valid: [
    // The job ends what it starts.
    `
import { Cron } from 'croner';

function reportProgress(label: string) {
  return setInterval(() => console.log(label), 5_000);
}
new Cron('0 0 2 * * *', async () => {
  const progress = reportProgress('sync');
  try {
    await Promise.resolve();
  } finally {
    clearInterval(progress);
  }
});
`,
    // A job made once at start-up is the program's own.
    `
import { Cron } from 'croner';
const job = new Cron('* * * * *', { timezone: 'UTC' }, () => console.log('tick'));
process.once('SIGTERM', () => job.stop());
`,
  ],
  invalid: [
    {
      code: `
import { Cron } from 'croner';

function reportProgress(label: string) {
  return setInterval(() => console.log(label), 5_000);
}
new Cron('0 0 2 * * *', { protect: true }, async () => {
  reportProgress('sync');
  await Promise.resolve();
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import { Cron } from 'croner';

function reportProgress(label: string) {
  return setInterval(() => console.log(label), 5_000);
}
reportProgress('sync');
new Cron('0 0 2 * * *', { protect: true }, async () => {
  await Promise.resolve();
});
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import Cron from 'croner';
import * as http from 'node:http';

http.createServer((req, res) => {
  Cron('*/5 * * * * *', () => res.write('tick'));
}).listen(8080);
`,
      errors: [{ messageId: 'repeatedStart', line: 6, column: 3, endLine: 6, endColumn: 7 }],
    },
  ],
});
