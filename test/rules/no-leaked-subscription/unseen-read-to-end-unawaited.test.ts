import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// Reading a stream handed in to its end without a promise (actionhero's test server:
// `fileStream.on('data', (d) => (content += d)); fileStream.on('end', () => send(content))`): the
// 'data' listener gathers into a local of the function and the listener for the stream's end reads
// it, so both last no longer than that end, as a wait for the end does. A 'data' listener that
// gathers nothing the end reads is no such read, and is still reported. The event's name plays no
// part: what is gathered and read is the evidence.
runInBothModes('no-leaked-subscription: listeners that read a stream to its end without a promise', rule, {
  valid: [
    `
import type { Readable } from 'node:stream';

export function sendFile(stream: Readable, send: (body: string) => void) {
  let content = '';
  stream.on('data', (chunk) => (content += chunk));
  stream.on('end', () => send(content));
}
`,
    `
import type { Readable } from 'node:stream';

export function collect(stream: Readable, done: (chunks: Buffer[]) => void) {
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
  });
  stream.on('close', () => done(chunks));
}
`,
    // The gathering listener's event is whatever the target emits per item: readline's 'line'.
    `
import type { Interface } from 'node:readline';

export function readLines(lines: Interface, done: (all: string[]) => void) {
  const all: string[] = [];
  lines.on('line', (line) => all.push(line));
  lines.on('close', () => done(all));
}
`,
  ],
  invalid: [],
});

const relay = `
import type { Readable } from 'node:stream';

export function relay(stream: Readable, send: (body: string) => void) {
  let content = '';
  stream.on('data', (chunk) => (content += chunk));
  stream.once('end', () => send('done'));
}
`;
const at = { messageId: 'listenerNotRemoved', line: 6, column: 3, endLine: 6, endColumn: 12 } as const;

untypedRuleTester.run('no-leaked-subscription: a data listener whose gathering the end does not read (untyped)', rule, {
  valid: [],
  invalid: [{ code: relay, errors: [at] }],
});

// With types, the suggestion: a signal parameter, and the 'data' listener removed on abort.
typedRuleTester.run('no-leaked-subscription: a data listener whose gathering the end does not read (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: relay,
      errors: [
        {
          ...at,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import type { Readable } from 'node:stream';

export function relay(stream: Readable, send: (body: string) => void, signal?: AbortSignal) {
  let content = '';
  const onData = (chunk: any) => (content += chunk);
  stream.on('data', onData);
  if (signal?.aborted) stream.off('data', onData);
  else signal?.addEventListener('abort', () => stream.off('data', onData), { once: true });
  stream.once('end', () => send('done'));
}
`,
            },
          ],
        },
      ],
    },
  ],
});
