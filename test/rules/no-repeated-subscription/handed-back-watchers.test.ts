import leakedRule from '../../../rules/no-leaked-subscription';
import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A helper that hands back the watcher or interval it starts (`return chokidar.watch(dir).on('add', f)`,
// `return setInterval(f, ms).unref()`: a chaining method hands back its receiver) gives it to its
// caller, who must end it. A cron job that drops it leaks one per tick; one that ends it, a class
// that keeps it for its stop(), and main() do not.
const helpers = `
import chokidar, { type FSWatcher } from 'chokidar';
import cron from 'node-cron';

class InboxImporter {
  watchInbox(dir: string): FSWatcher {
    return chokidar.watch(dir, { ignoreInitial: true }).on('add', (path) => console.log(path));
  }
}

function every(ms: number, tick: () => void) {
  return setInterval(tick, ms).unref();
}

const importer = new InboxImporter();
`;

runInBothModes('no-repeated-subscription: a watcher or interval handed back to a repeated caller', rule, {
  valid: [
    `${helpers}
cron.schedule('*/10 * * * *', async () => {
  const watcher = importer.watchInbox('/srv/inbox');
  const timer = every(1000, () => console.log('waiting'));
  try {
    await new Promise((resolve) => setTimeout(resolve, 60_000));
  } finally {
    clearInterval(timer);
    await watcher.close();
  }
});
`,
    `${helpers}
async function main() {
  importer.watchInbox('/srv/inbox');
  every(60_000, () => console.log('alive'));
}
void main();
`,
  ],
  invalid: [
    {
      code: `${helpers}
cron.schedule('*/10 * * * *', () => {
  importer.watchInbox('/srv/inbox/' + new Date().toISOString().slice(0, 10));
  every(1000, () => console.log('tick'));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: 'importer.watchInbox(…)',
            every: 'on every tick of this cron job',
            started: 'chokidar watcher',
          },
          line: 18,
          column: 3,
          endLine: 18,
          endColumn: 22,
          // its argument is today's folder: moved out of the job, it would watch the first day's for good
          suggestions: [],
        },
        {
          messageId: 'repeatedStart',
          data: { code: "every(1000, () => console.log('tick'))", every: 'on every tick of this cron job', started: 'interval' },
          line: 19,
          column: 3,
          endLine: 19,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`cron.schedule(…)`' },
              output: `${helpers}
every(1000, () => console.log('tick'));
cron.schedule('*/10 * * * *', () => {
  importer.watchInbox('/srv/inbox/' + new Date().toISOString().slice(0, 10));
});
`,
            },
          ],
        },
      ],
    },
  ],
});

runInBothModes('no-leaked-subscription: a watcher or interval handed back and dropped', leakedRule, {
  valid: [
    `${helpers}
export class Service {
  private timer?: NodeJS.Timeout;
  start() {
    this.timer = every(1000, () => console.log('tick'));
  }
  stop() {
    clearInterval(this.timer);
  }
}
`,
  ],
  invalid: [
    {
      code: `${helpers}
export function init() {
  every(1000, () => console.log('tick'));
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { code: "every(1000, () => console.log('tick'))", label: 'an interval' },
          line: 18,
          column: 3,
          endLine: 18,
          endColumn: 8,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`init()`' },
              output: `${helpers}
export function init(signal?: AbortSignal) {
  const interval = every(1000, () => console.log('tick'));
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
