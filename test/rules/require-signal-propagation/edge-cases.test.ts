import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes, typedRuleTester } from '../../ruleTester';


// Shapes that once produced wrong reports or broken fixes.
runInBothModes('require-signal-propagation: edge cases', rule, {
  valid: [
    // A parameter named `signal` that is a process signal, not an AbortSignal.
    `
function kill(pid: number, signal: NodeJS.Signals = 'SIGTERM') {
  process.kill(pid, signal);
}
export function stop(pid: number, signal: NodeJS.Signals) {
  kill(pid);
  return fetch('/stopped');
}
`,
    // Options last, passed as a variable or with the signal already in them.
    `
import { execFile, spawn } from 'node:child_process';
import type { SpawnOptions } from 'node:child_process';
export function run(signal: AbortSignal, options: SpawnOptions) {
  spawn('ls', ['-la'], options);
  execFile('ls', ['-la'], { signal }, () => undefined);
}
`,
    // A composed signal that includes one besides timeouts.
    `
export async function call(url: string, signal: AbortSignal, parent: AbortSignal) {
  const deadline = AbortSignal.any([parent, AbortSignal.timeout(1000)]);
  return fetch(url, { signal: deadline });
}
`,
    // require()d exports named in the allow-list.
    {
      code: `
const { request } = require('undici');
export async function flush(signal: AbortSignal) {
  await request('/log');
}
`,
      options: [{ allow: [{ from: 'package', package: 'undici', name: 'request' }] }],
    },
  ],
  invalid: [
    {
      // `undefined` options are replaced, and a call with no arguments is padded.
      code: `
import { setImmediate } from 'node:timers/promises';
export async function tick(url: string, signal: AbortSignal) {
  await fetch(url, undefined);
  await setImmediate();
}
`,
      output: `
import { setImmediate } from 'node:timers/promises';
export async function tick(url: string, signal: AbortSignal) {
  await fetch(url, { signal });
  await setImmediate(undefined, { signal });
}
`,
      errors: [missing(4, 9, 4, 30), missing(5, 9, 5, 23)],
    },
    {
      // A signal is never taken from the declaration that is being written.
      code: `
export async function call(url: string, options: { signal: AbortSignal }) {
  const deadline = AbortSignal.any([AbortSignal.timeout(1000)]);
  return fetch(url, { signal: deadline });
}
`,
      output: `
export async function call(url: string, options: { signal: AbortSignal }) {
  const deadline = AbortSignal.any([options.signal, AbortSignal.timeout(1000)]);
  return fetch(url, { signal: deadline });
}
`,
      errors: [missing(3, 20, 3, 64)],
    },
  ],
});

typedRuleTester.run('require-signal-propagation: a named `signal` of another type, with types', rule, {
  valid: [
    `
export function forward(signal: NodeJS.Signals, url: string) {
  return fetch(url);
}
export function destructured({ signal }: { signal: string }, url: string) {
  return fetch(url);
}
`,
  ],
  invalid: [],
});
