import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes } from '../../ruleTester';

// A function of another file takes a signal when its declaration or its body says so: tRPC's
// `nextUnlessStopped(iterator, signal, …)` reads `signal.aborted`. Followed through the import
// without types, through the checker with them. `void 0` in the signal's place passes none.
const filename = 'project/jobs.ts';

runInBothModes('require-signal-propagation: functions of other files that take a signal', rule, {
  valid: [
    {
      filename,
      code: `
import { nextUnlessStopped } from './iterate';

export async function drain(iterator: AsyncIterator<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextUnlessStopped(iterator, controller.signal, () => undefined);
}
`,
    },
    {
      // `signal` there is a POSIX signal name: nothing to pass.
      filename,
      code: `
import { stopChild } from './iterate';

export function stop(child: { kill(signal: string): void }, signal: AbortSignal) {
  stopChild(child);
  signal.throwIfAborted();
}
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { nextUnlessStopped } from './iterate';

export async function drain(iterator: AsyncIterator<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextUnlessStopped(iterator, void 0, () => undefined);
}
`,
      output: `
import { nextUnlessStopped } from './iterate';

export async function drain(iterator: AsyncIterator<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextUnlessStopped(iterator, controller.signal, () => undefined);
}
`,
      errors: [
        {
          ...missing(7, 9, 7, 61),
          data: { call: 'nextUnlessStopped(iterator, void 0, () => undefined)', signal: 'controller.signal', owner: '`drain()`' },
        },
      ],
    },
  ],
});
