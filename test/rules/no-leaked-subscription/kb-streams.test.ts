import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: streams made with new PassThrough() or new Readable() are emitters', rule, {
  valid: [
    // a listener on a stream the function makes dies with it
    `
import { PassThrough } from 'node:stream';

export function collect(onChunk: (chunk: unknown) => void) {
  const out = new PassThrough();
  out.on('data', onChunk);
  return out;
}
`,
    // removed when done
    `
import stream from 'node:stream';

const feed = new stream.PassThrough({ objectMode: true });
export function watchOnce(f: (chunk: unknown) => void) {
  feed.on('data', f);
  return () => feed.off('data', f);
}
`,
  ],
  invalid: [
    {
      // a listener per call on a module-level stream, never removed
      code: `
import { PassThrough } from 'node:stream';

const out = new PassThrough();
export function watch(f: (chunk: unknown) => void) {
  out.on('data', f);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "out.on('data', f)", label: "a 'data' listener", target: 'out', outlives: 'module-level' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watch()`' },
              output: `
import { PassThrough } from 'node:stream';

const out = new PassThrough();
export function watch(f: (chunk: unknown) => void, signal?: AbortSignal) {
  out.on('data', f);
  if (signal?.aborted) out.off('data', f);
  else signal?.addEventListener('abort', () => out.off('data', f), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
