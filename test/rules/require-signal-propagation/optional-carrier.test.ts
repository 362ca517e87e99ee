import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes } from '../../ruleTester';

// A signal carried by an optional parameter is read with `?.`: `{ signal: options.signal }` would
// throw a TypeError whenever the caller leaves the options out (issue 10, class 1: a fix must not
// break the program).
runInBothModes('require-signal-propagation: a signal carried by an optional parameter', rule, {
  valid: [
    `
export async function get(url: string, options?: { signal?: AbortSignal }) {
  return fetch(url, { signal: options?.signal });
}
`,
  ],
  invalid: [
    {
      code: `
export async function get(url: string, options?: { signal?: AbortSignal }) {
  return fetch(url);
}
`,
      output: `
export async function get(url: string, options?: { signal?: AbortSignal }) {
  return fetch(url, { signal: options?.signal });
}
`,
      errors: [missing(3, 10, 3, 20)],
    },
    {
      code: `
export async function get(url: string, controller?: AbortController) {
  return fetch(url);
}
`,
      output: `
export async function get(url: string, controller?: AbortController) {
  return fetch(url, { signal: controller?.signal });
}
`,
      errors: [missing(3, 10, 3, 20)],
    },
  ],
});
