import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A call raced, in `Promise.race([…])`, against a promise that the signal's `abort` settles already
// stops being waited for when the signal aborts: not reported. The same call awaited alone, or raced
// against a promise the signal does not settle (a timeout), is.
const resolvers = `
import { once, type EventEmitter } from 'node:events';
declare function readMessage(): Promise<EventEmitter>;
`;

runInBothModes('require-signal-propagation: a call raced against the signal', rule, {
  valid: [
    // The promise's `reject` is called by an abort listener on the signal.
    `${resolvers}
export async function login(signal: AbortSignal) {
  signal.throwIfAborted();
  const { promise: aborted, reject } = Promise.withResolvers<never>();
  const onAbort = () => { reject(signal.reason); };
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const parser = await readMessage();
    await Promise.race([once(parser, 'end'), aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
`,
    // A promise made on the spot that the abort rejects.
    `${resolvers}
export async function login(signal: AbortSignal) {
  const parser = await readMessage();
  const aborted = new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  await Promise.race([once(parser, 'end'), aborted]);
}
`,
  ],
  invalid: [
    {
      // Awaited alone: aborting does not stop the wait.
      code: `${resolvers}
export async function login(signal: AbortSignal) {
  signal.throwIfAborted();
  const parser = await readMessage();
  await once(parser, 'end');
}
`,
      errors: [missing(8, 9, 8, 28)],
      output: `${resolvers}
export async function login(signal: AbortSignal) {
  signal.throwIfAborted();
  const parser = await readMessage();
  await once(parser, 'end', { signal });
}
`,
    },
    {
      // Raced against a timeout, which the signal does not settle.
      code: `${resolvers}
export async function login(signal: AbortSignal) {
  signal.throwIfAborted();
  const parser = await readMessage();
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 1000));
  await Promise.race([once(parser, 'end'), late]);
}
`,
      errors: [missing(9, 23, 9, 42)],
      output: `${resolvers}
export async function login(signal: AbortSignal) {
  signal.throwIfAborted();
  const parser = await readMessage();
  const late = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 1000));
  await Promise.race([once(parser, 'end', { signal }), late]);
}
`,
    },
    {
      // The abort listener calls something else than the racer's settler.
      code: `${resolvers}
export async function login(signal: AbortSignal) {
  const { promise: done, resolve } = Promise.withResolvers<void>();
  signal.addEventListener('abort', () => console.log('aborted'), { once: true });
  const parser = await readMessage();
  parser.on('data', () => resolve());
  await Promise.race([once(parser, 'end'), done]);
}
`,
      errors: [missing(10, 23, 10, 42)],
      output: `${resolvers}
export async function login(signal: AbortSignal) {
  const { promise: done, resolve } = Promise.withResolvers<void>();
  signal.addEventListener('abort', () => console.log('aborted'), { once: true });
  const parser = await readMessage();
  parser.on('data', () => resolve());
  await Promise.race([once(parser, 'end', { signal }), done]);
}
`,
    },
  ],
});
