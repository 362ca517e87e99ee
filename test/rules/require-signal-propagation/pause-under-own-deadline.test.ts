import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A retry pause under a deadline its function makes and watches itself (serverless-offline's
// `waitForDockerContainer`, seen on the eighth unseen sample): nobody else holds the
// `AbortSignal.timeout()`, the loop stops at the next `signal.aborted` check, and a pause handed the
// signal would throw an `AbortError` past the function's own error for the expiry. Still reported:
// the probe itself (it may hang past the deadline), a pause under a deadline the function never
// checks. (A pause under a signal its caller hands in that ends a round of `while (!signal.aborted)`
// is honoured quietly too: unseen13-pause-then-quiet-abort.test.ts.)
runInBothModes('require-signal-propagation: a pause under the function own deadline', rule, {
  valid: [
    `
import { setTimeout } from 'node:timers/promises';

export async function waitForContainer(url: string): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  while (!signal.aborted) {
    try {
      await fetch(url, { signal });
      return;
    } catch {
      if (!signal.aborted) await setTimeout(100);
    }
  }
  throw new Error(\`not ready at \${url}\`);
}
`,
    // The caller's signal, checked by the loop right after the pause: the round ends, the loop stops.
    `
import { setTimeout } from 'node:timers/promises';

export async function poll(url: string, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    await fetch(url, { signal });
    await setTimeout(100);
  }
}
`,
  ],
  invalid: [
    {
      // The probe is given no signal: a hanging request outlives the deadline.
      code: `
import { setTimeout } from 'node:timers/promises';

export async function waitForContainer(url: string): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  while (!signal.aborted) {
    try {
      await fetch(url);
      return;
    } catch {
      await setTimeout(100);
    }
  }
}
`,
      errors: [missing(8, 13, 8, 23)],
      output: `
import { setTimeout } from 'node:timers/promises';

export async function waitForContainer(url: string): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  while (!signal.aborted) {
    try {
      await fetch(url, { signal });
      return;
    } catch {
      await setTimeout(100);
    }
  }
}
`,
    },
    {
      // The deadline is never checked here: only the signal can end the pause.
      code: `
import { setTimeout } from 'node:timers/promises';

export async function settle(): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  await setTimeout(60_000);
  signal.throwIfAborted();
}
`,
      errors: [missing(6, 9, 6, 27)],
      output: `
import { setTimeout } from 'node:timers/promises';

export async function settle(): Promise<void> {
  const signal = AbortSignal.timeout(5000);
  await setTimeout(60_000, undefined, { signal });
  signal.throwIfAborted();
}
`,
    },
  ],
});
