import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A `cron` job made started ticks until `stop()`: made per request it adds one more (kelektiv/node-cron#868).
runInBothModes('no-repeated-subscription: started cron jobs', rule, {
  valid: [
    // made unstarted: nothing ticks until start(), which this code never calls
    `
import express from 'express';
import { CronJob } from 'cron';

const app = express();
app.post('/preview', (req, res) => {
  const job = CronJob.from({ cronTime: String(req.body.cron), onTick: () => {} });
  res.json({ next: job.nextDate().toISO() });
});
`,
    // one job per user, the previous one stopped before the next
    `
import express from 'express';
import { CronJob } from 'cron';

const app = express();
const jobs = new Map<string, CronJob>();
app.put('/users/:id/reminder', (req, res) => {
  jobs.get(req.params.id)?.stop();
  jobs.set(req.params.id, CronJob.from({ cronTime: String(req.body.cron), onTick: () => console.log(req.params.id), start: true }));
  res.sendStatus(204);
});
`,
  ],
  invalid: [
    {
      code: `
import express from 'express';
import { CronJob } from 'cron';

const app = express();
app.put('/users/:id/reminder', (req, res) => {
  CronJob.from({ cronTime: String(req.body.cron), onTick: () => console.log(req.params.id), start: true });
  new CronJob(String(req.body.cron), () => console.log(req.params.id), null, true);
  res.sendStatus(204);
});
`,
      errors: [
        { messageId: 'repeatedStart', data: { code: 'CronJob.from(…)', every: 'on every request to this route', started: 'cron job' }, line: 7, column: 3, endLine: 7, endColumn: 15 },
        { messageId: 'repeatedStart', data: { code: 'new CronJob(…)', every: 'on every request to this route', started: 'cron job' }, line: 8, column: 3, endLine: 8, endColumn: 83 },
      ],
    },
  ],
});
