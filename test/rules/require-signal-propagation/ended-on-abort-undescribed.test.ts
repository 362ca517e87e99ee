import rule from '../../../rules/require-signal-propagation';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A value no family describes but which takes a signal (a read stream) is stopped as well by an
// abort listener that ends it with a method some family ends things with (`file.destroy()`): it
// needs no signal of its own, and giving it one would only add an 'error' on abort.
const code = (listener: string) => `
import { createReadStream } from 'node:fs';

export function tail(path: string, signal: AbortSignal) {
  const file = createReadStream(path);${listener}
  return file;
}
`;

runInBothModes('require-signal-propagation: a read stream ended on abort by hand', rule, {
  valid: [
    code(`\n  signal.addEventListener('abort', () => file.destroy(), { once: true });`),
    code(`\n  signal.addEventListener('abort', () => { file.close(); }, { once: true });`),
  ],
  invalid: [],
});

typedRuleTester.run('require-signal-propagation: a read stream not ended on abort (typed)', rule, {
  valid: [],
  invalid: [
    {
      // the listener only logs: the stream still needs the signal
      code: code(`\n  signal.addEventListener('abort', () => console.log(file.path), { once: true });`),
      errors: [{ messageId: 'missingSignal', data: { call: 'createReadStream(path)', signal: 'signal', owner: '`tail()`' }, line: 5, column: 16, endLine: 5, endColumn: 38 }],
      output: code(`\n  signal.addEventListener('abort', () => console.log(file.path), { once: true });`).replace('createReadStream(path)', 'createReadStream(path, { signal })'),
    },
  ],
});
