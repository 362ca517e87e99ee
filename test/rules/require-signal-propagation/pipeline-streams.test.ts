import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A stream made straight inside `pipeline(…)`'s arguments is destroyed by the pipeline when its
// signal aborts: it needs no signal of its own. With types, `createReadStream` and
// `createWriteStream` take one, and each was reported (with a fix) inside a pipeline that had it.
runInBothModes('require-signal-propagation: streams handed to a pipeline', rule, {
  valid: [
    `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { createGzip } from 'node:zlib';

export async function compress(src: string, dst: string, signal: AbortSignal) {
  await pipeline(createReadStream(src), createGzip(), createWriteStream(dst), { signal });
}
`,
  ],
  invalid: [
    {
      // only the pipeline is reported: its fix ends every stream it was handed (without types too:
      // the last argument is a file stream, not options)
      code: `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(src: string, dst: string, signal: AbortSignal) {
  await pipeline(createReadStream(src), createWriteStream(dst));
}
`,
      output: `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(src: string, dst: string, signal: AbortSignal) {
  await pipeline(createReadStream(src), createWriteStream(dst), { signal });
}
`,
      errors: [{ ...missing(6, 9, 6, 64), data: { call: 'pipeline(createReadStream(src), createWriteStream(dst))', signal: 'signal', owner: '`copy()`' } }],
    },
  ],
});

typedRuleTester.run('require-signal-propagation: a pipeline without the signal (typed)', rule, {
  valid: [
    // a stream made before the pipeline, outside its arguments, is still reported: not here, it has one
    `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(src: string, dst: string, signal: AbortSignal) {
  const source = createReadStream(src, { signal });
  await pipeline(source, createWriteStream(dst), { signal });
}
`,
  ],
  invalid: [
    {
      // a stream made outside the pipeline's arguments keeps its own report
      code: `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(src: string, dst: string, signal: AbortSignal) {
  const source = createReadStream(src);
  await pipeline(source, createWriteStream(dst), { signal });
}
`,
      output: `
import { pipeline } from 'node:stream/promises';
import { createReadStream, createWriteStream } from 'node:fs';

export async function copy(src: string, dst: string, signal: AbortSignal) {
  const source = createReadStream(src, { signal });
  await pipeline(source, createWriteStream(dst), { signal });
}
`,
      errors: [{ ...missing(6, 18, 6, 39), data: { call: 'createReadStream(src)', signal: 'signal', owner: '`copy()`' } }],
    },
  ],
});
