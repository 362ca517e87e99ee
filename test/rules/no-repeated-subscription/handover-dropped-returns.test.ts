import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A scheduler, listener or route runs its callback for its effect and drops what it returns: a
// connection handed back from there (an arrow's expression body, a `return`) has no owner, one
// more per run. A promise or array callback passes what it returns on, to a caller who owns it.
const factory = `
import Redis from 'ioredis';
import cron from 'node-cron';
import { EventEmitter } from 'node:events';

function connectTo(host: string) {
  return new Redis({ host });
}
`;

runInBothModes('no-repeated-subscription: a handle returned to a scheduler is dropped', rule, {
  valid: [
    // `.then` hands what its callback returns to the next step: the caller owns the client
    `${factory}
export function later(host: string, ready: Promise<void>) {
  return ready.then(() => connectTo(host));
}
`,
    `${factory}
export function later(host: string, ready: Promise<void>) {
  return ready.then(() => {
    return connectTo(host);
  });
}
`,
    // an array callback: the array of clients is returned to the caller
    `${factory}
export function connectAll(hosts: string[]) {
  return hosts.map((host) => connectTo(host));
}
`,
    // a function that re-arms itself also hands what it returns to its first caller
    `${factory}
export function retry(host: string): Redis {
  if (Math.random() > 0.5) return connectTo(host);
  setTimeout(() => retry(host), 1000);
  return connectTo(host);
}
`,
    // the job ends what it opened
    `${factory}
cron.schedule('* * * * *', async () => {
  const client = connectTo('cache');
  await client.ping();
  await client.quit();
});
`,
  ],
  invalid: [
    {
      code: `${factory}
cron.schedule('* * * * *', () => connectTo('cache'));
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "connectTo('cache')", every: 'on every tick of this cron job', started: 'Redis connection' },
          line: 10,
          column: 34,
          endLine: 10,
          endColumn: 43,
        },
      ],
    },
    {
      code: `${factory}
cron.schedule('* * * * *', async () => {
  return connectTo('cache');
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "connectTo('cache')", every: 'on every tick of this cron job', started: 'Redis connection' },
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 19,
        },
      ],
    },
    {
      code: `${factory}
setInterval(() => connectTo('cache'), 1000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "connectTo('cache')", every: 'on every tick of this interval', started: 'Redis connection' },
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 28,
        },
      ],
    },
    {
      code: `${factory}
const bus = new EventEmitter();
bus.on('job', () => connectTo('cache'));
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: "connectTo('cache')", every: "on every 'job' event", started: 'Redis connection' },
          line: 11,
          column: 21,
          endLine: 11,
          endColumn: 30,
        },
      ],
    },
  ],
});
