import rule from '../../../rules/no-repeated-subscription';
import leaked from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// node-cron's `schedule(expr, job)` returns the task it starts, which ticks until `task.stop()`
// (or `destroy()` in v4). Scheduled per request and dropped, one more task ticks per request.
runInBothModes('no-repeated-subscription: node-cron tasks started per request', rule, {
  valid: [
    // Scheduled once at start-up: the program's own job.
    `
import cron from 'node-cron';
cron.schedule('* * * * *', () => console.log('tick'));
`,
    // Per request, but stopped when the request closes.
    `
import * as http from 'node:http';
import cron from 'node-cron';

http.createServer((req, res) => {
  const task = cron.schedule('*/5 * * * * *', () => res.write('tick'));
  req.on('close', () => task.stop());
}).listen(8080);
`,
    // Per request, handed to an owner that stops them all.
    `
import * as http from 'node:http';
import cron from 'node-cron';

const tasks: { stop(): void }[] = [];
http.createServer((req, res) => {
  tasks.push(cron.schedule('0 * * * *', () => console.log(req.url)));
  res.end();
}).listen(8080);
process.once('SIGTERM', () => tasks.forEach((t) => t.stop()));
`,
  ],
  invalid: [
    {
      code: `
import * as http from 'node:http';
import cron from 'node-cron';

http.createServer((req, res) => {
  cron.schedule('*/5 * * * *', () => console.log(req.url));
  res.end();
}).listen(8080);
`,
      errors: [{ messageId: 'repeatedStart', line: 6, column: 3, endLine: 6, endColumn: 16 }],
    },
  ],
});

runInBothModes('no-leaked-subscription: a node-cron task dropped in a helper', leaked, {
  valid: [
    `
import cron from 'node-cron';

export function every(expr: string, job: () => void) {
  return cron.schedule(expr, job);
}
`,
  ],
  invalid: [
    {
      code: `
import cron from 'node-cron';

export function addMonitor(expr: string, url: string) {
  cron.schedule(expr, () => void fetch(url));
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import cron from 'node-cron';

export function addMonitor(expr: string, url: string, signal?: AbortSignal) {
  const interval = cron.schedule(expr, () => void fetch(url));
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
