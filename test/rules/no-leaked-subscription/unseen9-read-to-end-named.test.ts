import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Reading a stream handed in to its end with a listener handed by name (pubnub's decryptStream:
// `const getIv = () => { … aes = createDecipheriv(…) … }; stream.on('readable', getIv);
// stream.on('end', () => { if (aes) aes.end(); })`): the named local gathers into a local of the
// function that the end's listener reads, as the inline form does, so both last no longer than the
// stream's end. A named listener whose gathering the end does not read is still reported.
runInBothModes('no-leaked-subscription: a stream read to its end by a listener handed by name', rule, {
  valid: [
    `
import { PassThrough, type Readable } from 'node:stream';

export function decrypt(stream: Readable, open: (iv: Buffer) => PassThrough) {
  const output = new PassThrough();
  let inner: PassThrough | null = null;
  const onReadable = () => {
    for (let data = stream.read(); data !== null; data = stream.read()) {
      inner ??= open(data);
      inner.pipe(output);
    }
  };
  stream.on('readable', onReadable);
  stream.on('end', () => {
    if (inner) inner.end();
    output.end();
  });
  return output;
}
`,
    `
import type { Readable } from 'node:stream';

export function collect(stream: Readable, done: (chunks: Buffer[]) => void) {
  const chunks: Buffer[] = [];
  function onData(chunk: Buffer) {
    chunks.push(chunk);
  }
  const onEnd = () => done(chunks);
  stream.on('data', onData);
  stream.on('end', onEnd);
}
`,
  ],
  invalid: [],
});

const relay = `
import type { Readable } from 'node:stream';

export function relay(stream: Readable, send: (chunk: unknown) => void, done: () => void) {
  let seen = 0;
  const onData = (chunk: unknown) => {
    seen++;
    send(chunk);
  };
  stream.on('data', onData);
  stream.on('end', () => done());
}
`;
const dataAt = { messageId: 'listenerNotRemoved', line: 10, column: 3, endLine: 10, endColumn: 12 } as const;
const endAt = { messageId: 'listenerNotRemoved', line: 11, column: 3, endLine: 11, endColumn: 12 } as const;

// The suggestion: a signal parameter, and each listener removed on abort.
runInBothModes('no-leaked-subscription: a named listener whose gathering the end does not read', rule, {
  valid: [],
  invalid: [
    {
      code: relay,
      errors: [
        {
          ...dataAt,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import type { Readable } from 'node:stream';

export function relay(stream: Readable, send: (chunk: unknown) => void, done: () => void, signal?: AbortSignal) {
  let seen = 0;
  const onData = (chunk: unknown) => {
    seen++;
    send(chunk);
  };
  stream.on('data', onData);
  if (signal?.aborted) stream.off('data', onData);
  else signal?.addEventListener('abort', () => stream.off('data', onData), { once: true });
  stream.on('end', () => done());
}
`,
            },
          ],
        },
        {
          ...endAt,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import type { Readable } from 'node:stream';

export function relay(stream: Readable, send: (chunk: unknown) => void, done: () => void, signal?: AbortSignal) {
  let seen = 0;
  const onData = (chunk: unknown) => {
    seen++;
    send(chunk);
  };
  stream.on('data', onData);
  const onEnd = () => done();
  stream.on('end', onEnd);
  if (signal?.aborted) stream.off('end', onEnd);
  else signal?.addEventListener('abort', () => stream.off('end', onEnd), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
