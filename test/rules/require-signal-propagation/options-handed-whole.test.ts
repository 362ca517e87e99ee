import rule from '../../../rules/require-signal-propagation';
import { javascriptRuleTester, runInBothModes, typedRuleTester } from '../../ruleTester';
import { missing } from './missingSignal';

// An API taking its options last whose only argument is not a literal (`axios(config)`): that
// argument may be the command (`spawn(command)`) or the options themselves. Handed on whole, the
// object the signal is read from carries it to the callee: `axios(options)` is given
// `options?.signal`, and `--fix` must not write `axios(options, { signal: options?.signal })`
// (axios ignores a second argument after a config object). With types, an argument whose type has
// a `signal` carries one too. Still reported: a lone argument that is not the signal's object and,
// with types, has no `signal` (`spawn(command)`).
runInBothModes('require-signal-propagation: the options handed on whole', rule, {
  valid: [
    `
import axios from 'axios';
export async function get(options?: { url: string; signal?: AbortSignal }) {
  await fetch('https://example.com', { signal: options?.signal });
  return axios(options);
}
`,
    `
import axios from 'axios';
export async function get(config: { url: string; signal?: AbortSignal }) {
  await fetch('https://example.com', { signal: config.signal });
  return axios({ ...config, timeout: 5_000 });
}
`,
  ],
  invalid: [
    {
      code: `
import { spawn } from 'node:child_process';
export async function run(command: string, options?: { signal?: AbortSignal }) {
  await fetch('https://example.com', { signal: options?.signal });
  return spawn(command).on('error', console.error);
}
`,
      output: `
import { spawn } from 'node:child_process';
export async function run(command: string, options?: { signal?: AbortSignal }) {
  await fetch('https://example.com', { signal: options?.signal });
  return spawn(command, { signal: options?.signal }).on('error', console.error);
}
`,
      errors: [missing(5, 10, 5, 24)],
    },
    {
      // \`request\` may be axios's config (a second argument after it would be ignored) or its
      // URL: reported, with no fix.
      code: `
import axios from 'axios';
export async function load(request: unknown, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(request);
}
`,
      output: null,
      errors: [missing(5, 10, 5, 24)],
    },
    {
      // A URL written as a string: the options go after it.
      code: `
import axios from 'axios';
export async function load(id: string, signal: AbortSignal) {
  signal.throwIfAborted();
  await axios('https://example.com/items/' + id);
  return axios(\`https://example.com/items/\${id}\`);
}
`,
      output: `
import axios from 'axios';
export async function load(id: string, signal: AbortSignal) {
  signal.throwIfAborted();
  await axios('https://example.com/items/' + id, { signal });
  return axios(\`https://example.com/items/\${id}\`, { signal });
}
`,
      errors: [missing(5, 9, 5, 49), missing(6, 10, 6, 50)],
    },
    {
      // Asserted a string: the author states it is the URL.
      code: `
import axios from 'axios';
export async function load(target: unknown, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(target as string);
}
`,
      output: `
import axios from 'axios';
export async function load(target: unknown, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(target as string, { signal });
}
`,
      errors: [missing(5, 10, 5, 33)],
    },
    {
      // Asserted something else: it may still be the config.
      code: `
import axios from 'axios';
export async function load(target: unknown, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(target as object);
}
`,
      output: null,
      errors: [missing(5, 10, 5, 33)],
    },
  ],
});

// Without types, a lone identifier may be a URL or a config: no fix, in JavaScript too.
javascriptRuleTester.run('require-signal-propagation: axios given a value of unknown kind (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const axios = require('axios');
async function load(request, signal) {
  if (signal.aborted) return undefined;
  return axios(request);
}
module.exports = { load };
`,
      output: null,
      errors: [missing(5, 10, 5, 24)],
    },
  ],
});

typedRuleTester.run('require-signal-propagation: a lone options argument whose type has a signal', rule, {
  valid: [
    `
import axios from 'axios';
export async function get(url: string, signal: AbortSignal) {
  await fetch(url, { signal });
  const request = { url, signal };
  return axios(request);
}
`,
  ],
  invalid: [
    {
      // Typed a string: surely the URL, so --fix adds the options after it.
      code: `
import axios from 'axios';
export async function load(url: string, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(url);
}
`,
      output: `
import axios from 'axios';
export async function load(url: string, signal: AbortSignal) {
  signal.throwIfAborted();
  return axios(url, { signal });
}
`,
      errors: [missing(5, 10, 5, 20)],
    },
  ],
});
