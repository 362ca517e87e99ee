import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// The pre-filter that decides which helper files are worth parsing is derived from the family
// descriptors: a helper whose only start is a bare imported function must be followed too.
runInBothModes('no-repeated-subscription: helper files found through the pre-filter', rule, {
  valid: [],
  invalid: [
    {
      filename: 'project/jobs.ts',
      code: `
import cron from 'node-cron';
import { watchConfig } from './watch';

cron.schedule('* * * * *', () => {
  watchConfig('/etc/app', () => console.log('changed'));
  console.log('tick');
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'watchConfig', every: 'on every tick of this cron job', started: 'file watcher', path: 'watch (watch.ts:5)' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `
import cron from 'node-cron';
import { watchConfig } from './watch';

watchConfig('/etc/app', () => console.log('changed'));
cron.schedule('* * * * *', () => {
  console.log('tick');
});
`,
            },
          ],
        },
      ],
    },
  ],
});
