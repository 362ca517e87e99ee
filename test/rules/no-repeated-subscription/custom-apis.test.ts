import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// settings.leaks: a subscribe that hands back its own disposer, on every tick of a cron job.
const disposer = {
  leaks: { subscriptions: [{ from: 'package', package: 'my-bus', name: 'Bus', subscribe: ['subscribe'], returns: 'disposer' }] },
};

runInBothModes('no-repeated-subscription: settings.leaks subscribe returns a disposer', rule, {
  valid: [
    // Each tick ends what it started before the tick is over.
    {
      settings: disposer,
      code: `
import cron from 'node-cron';
import { Bus } from 'my-bus';
const bus = new Bus();
cron.schedule('* * * * *', async () => {
  const off = bus.subscribe('job', () => console.log('job'));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  off();
});
`,
    },
  ],
  invalid: [
    {
      settings: disposer,
      code: `
import cron from 'node-cron';
import { Bus } from 'my-bus';
const bus = new Bus();
cron.schedule('* * * * *', () => {
  bus.subscribe('job', () => console.log('job'));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'bus.subscribe(…)', every: 'on every tick of this cron job', started: 'Bus subscription' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { Bus } from 'my-bus';
const bus = new Bus();
bus.subscribe('job', () => console.log('job'));
cron.schedule('* * * * *', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});
