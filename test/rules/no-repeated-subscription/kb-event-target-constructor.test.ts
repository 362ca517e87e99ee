import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `new EventTarget()` is an event target without types too: a listener added on one per run stays
// until its signal aborts.
const syncRun = (options: string) => `
const shutdown = new AbortController();
const bus = new EventTarget();

async function syncRun() {
  const run = new AbortController();
  const signal = AbortSignal.any([shutdown.signal, run.signal]);
  let changes = 0;
  bus.addEventListener('changed', () => changes++, ${options});
  await new Promise((resolve) => setTimeout(resolve, 100));
  run.abort();
  return changes;
}

setInterval(() => {
  void syncRun();
}, 1000);
`;

runInBothModes('no-repeated-subscription: listeners on a new EventTarget', rule, {
  valid: [
    // Given the run's own signal, which the run aborts.
    syncRun('{ signal }'),
    // A bus made per run dies with the run.
    `
setInterval(() => {
  const bus = new EventTarget();
  bus.addEventListener('changed', () => console.log('changed'));
  bus.dispatchEvent(new Event('changed'));
}, 1000);
`,
  ],
  invalid: [
    {
      // Given the shutdown signal: each run leaves its listener until shutdown.
      code: syncRun('{ signal: shutdown.signal }'),
      errors: [
        {
          messageId: 'repeatedCallUntilSignal',
          data: { callee: 'syncRun', every: 'on every tick of this interval', started: "'changed' listener", signal: 'shutdown.signal', path: 'bus.addEventListener (file.ts:9)' },
          line: 16,
          column: 8,
          suggestions: [
            {
              messageId: 'hoist',
              output: syncRun('{ signal: shutdown.signal }').replace('setInterval(() => {\n  void syncRun();\n}', 'void syncRun();\nsetInterval(() => {\n}'),
            },
          ],
        },
      ],
    },
  ],
});
