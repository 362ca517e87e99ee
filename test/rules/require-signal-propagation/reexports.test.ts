import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes } from '../../ruleTester';

// A function imported from a directory's index that re-exports it (`export { f } from './f'`,
// `export * from './streams'`) is the function of the file that declares it: tRPC's
// `import { observableToAsyncIterable } from '../observable'`. Followed without types through
// the re-exports, with types through the checker.
const filename = 'project/jobs.ts';

runInBothModes('require-signal-propagation: functions re-exported by a barrel', rule, {
  valid: [
    {
      filename,
      code: `
import { nextOrStop, readUntil } from './barrel';

export async function drain(iterator: AsyncIterator<unknown>, lines: AsyncIterable<string>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextOrStop(iterator, controller.signal, () => undefined);
  await readUntil(lines, { signal: controller.signal });
}
`,
    },
    {
      // The barrel passes on \`stopChild\` too, whose \`signal\` is a POSIX signal name.
      filename,
      code: `
import { stopChild } from './barrel';

export function stop(child: { kill(signal: string): void }, signal: AbortSignal) {
  stopChild(child);
  signal.throwIfAborted();
}
`,
    },
  ],
  invalid: [
    {
      // Renamed on the way: \`nextOrStop\` is \`nextUnlessStopped\`, which reads \`signal.aborted\`.
      filename,
      code: `
import { nextOrStop } from './barrel';

export async function drain(iterator: AsyncIterator<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextOrStop(iterator, void 0, () => undefined);
}
`,
      output: `
import { nextOrStop } from './barrel';

export async function drain(iterator: AsyncIterator<unknown>) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 1000);
  await nextOrStop(iterator, controller.signal, () => undefined);
}
`,
      errors: [
        {
          ...missing(7, 9, 7, 54),
          data: { call: 'nextOrStop(iterator, void 0, () => undefined)', signal: 'controller.signal', owner: '`drain()`' },
        },
      ],
    },
    {
      // Through \`export * from './streams'\`: an options parameter whose \`signal\` is an AbortSignal.
      filename,
      code: `
import { readUntil } from './barrel';

export async function lines(source: AsyncIterable<string>, signal: AbortSignal) {
  return readUntil(source);
}
`,
      output: `
import { readUntil } from './barrel';

export async function lines(source: AsyncIterable<string>, signal: AbortSignal) {
  return readUntil(source, { signal });
}
`,
      errors: [
        {
          ...missing(5, 10, 5, 27),
          data: { call: 'readUntil(source)', signal: 'signal', owner: '`lines()`' },
        },
      ],
    },
  ],
});
