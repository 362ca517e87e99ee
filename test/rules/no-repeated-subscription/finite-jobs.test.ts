import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A helper whose async job adds an 'abort' listener to the signal it is handed, and leaves it
// there when it settles: called on every tick with the daemon's signal, one more per tick.
runInBothModes('no-repeated-subscription: abort listeners left by finite jobs', rule, {
  valid: [
    `
const shutdown = new AbortController();

async function fetchJson(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await (await fetch(url, { signal: controller.signal })).json();
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}

setInterval(async () => {
  await fetchJson('https://example.com/tasks', shutdown.signal);
}, 1000);
`,
  ],
  invalid: [
    {
      code: `
const shutdown = new AbortController();

async function fetchJson(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  return (await fetch(url, { signal: controller.signal })).json();
}

setInterval(async () => {
  await fetchJson('https://example.com/tasks', shutdown.signal);
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'fetchJson', every: 'on every tick of this interval', started: "'abort' listener", path: 'signal.addEventListener (file.ts:6)' },
          line: 11,
          column: 9,
          endLine: 11,
          endColumn: 18,
        },
      ],
    },
  ],
});
