import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// An Agenda job runs on every run of its schedule: known by import tracking, and by its type with types.
runInBothModes('no-repeated-subscription: Agenda jobs', rule, {
  valid: [
    // each run quits the connection it opened
    `
import { Agenda } from 'agenda';
import Redis from 'ioredis';

const redis = new Redis();
const agenda = new Agenda({ db: { address: 'mongodb://localhost/jobs' } });

agenda.define('collect-acks', async () => {
  const subscriber = redis.duplicate();
  try {
    await subscriber.subscribe('acks');
  } finally {
    await subscriber.quit();
  }
});
`,
  ],
  invalid: [
    {
      // each run subscribes a new connection that nothing quits
      code: `
import { Agenda } from 'agenda';
import Redis from 'ioredis';

const redis = new Redis();
const agenda = new Agenda({ db: { address: 'mongodb://localhost/jobs' } });

agenda.define('sync-inventory', async () => {
  const subscriber = redis.duplicate();
  await subscriber.subscribe('inventory-updates');
  subscriber.on('message', (_channel: string, payload: string) => console.log(payload));
});
`,
      errors: [{ messageId: 'repeatedStart', line: 10, column: 9, endLine: 10, endColumn: 29 }],
    },
    {
      // the agenda handed in by its type: each run adds one more interval
      code: `
import type { Agenda } from 'agenda';

export function defineJobs(agenda: Agenda) {
  agenda.define('heartbeat', () => {
    setInterval(() => console.log('alive'), 1000);
  });
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`agenda.define(…)`' },
              output: `
import type { Agenda } from 'agenda';

export function defineJobs(agenda: Agenda) {
  setInterval(() => console.log('alive'), 1000);
  agenda.define('heartbeat', () => {
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
