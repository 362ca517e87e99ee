import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A `new` of one of our classes whose own code opens a Redis connection and ends it in `quit()`
// (test/fixtures/project/ownClasses.ts), made on every cron tick and never quit: one more
// connection per tick. The class with a `close()` that ends nothing is no evidence.
const filename = 'project/jobs.ts';

runInBothModes('no-repeated-subscription: an instance of a class of ours made per run', rule, {
  valid: [
    {
      filename,
      code: `
import { Cache } from './ownClasses';
import cron from 'node-cron';
cron.schedule('* * * * *', async () => {
  const cache = new Cache('localhost');
  try {
    console.log(await cache.get('k'));
  } finally {
    await cache.quit();
  }
});
`,
    },
    {
      filename,
      code: `
import { Buffered } from './ownClasses';
import cron from 'node-cron';
cron.schedule('* * * * *', () => {
  const buffered = new Buffered();
  buffered.add('tick');
  console.log(buffered.close());
});
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { Cache } from './ownClasses';
import cron from 'node-cron';
cron.schedule('* * * * *', async () => {
  const cache = new Cache('localhost');
  console.log(await cache.get('k'));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "new Cache('localhost')", every: 'on every tick of this cron job', started: 'Cache (its `quit()` ends a Redis connection)' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 39,
        },
      ],
    },
  ],
});
