import rule from '../../../rules/no-repeated-subscription';
import leaked from '../../../rules/no-leaked-subscription';
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

runInBothModes('no-leaked-subscription: croner without a job only parses its pattern', leaked, {
  valid: [
    // pm2 validates a restart pattern this way: no job, nothing runs.
    `
const Croner = require('croner');
export function checkPattern(pattern: string) {
  try {
    Croner(pattern);
  } catch (err) {
    return err;
  }
}
`,
    `
import { Cron } from 'croner';
export function nextRun(pattern: string) {
  return new Cron(pattern, { timezone: 'UTC' }).nextRun();
}
`,
  ],
  invalid: [
    {
      code: `
import { Cron } from 'croner';
export function watchUrl(url: string) {
  new Cron('*/30 * * * * *', () => void fetch(url));
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { Cron } from 'croner';
export function watchUrl(url: string, signal?: AbortSignal) {
  const interval = new Cron('*/30 * * * * *', () => void fetch(url));
  if (signal?.aborted) interval.stop();
  else signal?.addEventListener('abort', () => interval.stop(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
