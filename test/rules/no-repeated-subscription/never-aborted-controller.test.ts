import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A per-run controller ends what a run starts only if something aborts it: one whose every use
// reads `.signal` never does, so each run leaves one more listener behind.
runInBothModes('no-repeated-subscription: a per-run controller that nothing aborts', rule, {
  valid: [
    `
export function pollSizes(onResize: () => void) {
  setInterval(() => {
    const run = new AbortController();
    window.addEventListener('resize', onResize, { signal: run.signal });
    setTimeout(() => run.abort(), 500);
  }, 1000);
}
`,
    // Aborted when the run settles.
    `
export function pollSizes(onResize: () => void, refresh: () => Promise<void>) {
  setInterval(async () => {
    const run = new AbortController();
    window.addEventListener('resize', onResize, { signal: run.signal });
    try {
      await refresh();
    } finally {
      run.abort();
    }
  }, 1000);
}
`,
  ],
  invalid: [
    {
      code: `
export function pollSizes(onResize: () => void) {
  setInterval(() => {
    const run = new AbortController();
    window.addEventListener('resize', onResize, { signal: run.signal });
  }, 1000);
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'window.addEventListener(…)', every: 'on every tick of this interval', started: "'resize' listener" },
          line: 5,
          column: 5,
          endLine: 5,
          endColumn: 28,
        },
      ],
    },
  ],
});
