import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// The wait added before a retry is Node's `timers/promises` sleep, which takes the signal, only in a
// file that shows it runs on Node: it loads one of Node's modules (not a bare name bundlers fill in
// for browsers, such as 'events') or reads a global only Node has, declared by the configuration
// or not (not `process.env`, which bundlers write into browser builds).
// A file with no such sign may run in a browser too (matrix-js-sdk's event model), where an import
// of `node:timers/promises` breaks the bundle: it gets the platform's `setTimeout` in a promise.
const retry = (head: string, wait?: string) => `${head}
export async function follow(signal: AbortSignal, read: () => Promise<string>) {
  do {
    try {
      signal.throwIfAborted();
      await read();
    } catch (error) {
      console.warn(error);${wait === undefined ? '' : `\n      ${wait}`}
    }
  } while (true);
}
`;

const spinning = (head: string, withSignal: string, output: string) => ({
  messageId: 'spinningCatch' as const,
  line: 6 + head.split('\n').length,
  column: 7,
  endLine: 6 + head.split('\n').length,
  endColumn: 12,
  suggestions: [
    {
      messageId: 'rethrowWhenAborted' as const,
      data: { signal: 'signal' },
      output: retry(head).replace('console.warn(error);', 'if (signal.aborted) throw error;\n      console.warn(error);'),
    },
    { messageId: 'waitBeforeRetry' as const, data: { withSignal }, output },
  ],
});

const nodeSleep = "import { setTimeout as sleep } from 'node:timers/promises';";
const cutShort = ' (cut short when `signal` aborts)';

runInBothModes('no-unbounded-loop: a wait for the platform the file runs on', rule, {
  valid: [],
  invalid: [
    {
      // Loads one of Node's modules.
      code: retry("import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();"),
      errors: [
        spinning(
          "import { EventEmitter } from 'node:events';\nexport const bus = new EventEmitter();",
          cutShort,
          retry(`import { EventEmitter } from 'node:events';\n${nodeSleep}\nexport const bus = new EventEmitter();`, 'await sleep(1000, undefined, { signal });'),
        ),
      ],
    },
    {
      // Reads a global only Node has.
      code: retry('export const pid = process.pid;'),
      errors: [
        spinning('export const pid = process.pid;', cutShort, retry(`${nodeSleep}\nexport const pid = process.pid;`, 'await sleep(1000, undefined, { signal });')),
      ],
    },
    {
      // Loads one of Node's modules with require.
      code: retry("const { spawn } = require('child_process');\nexport const run = spawn;"),
      errors: [
        spinning(
          "const { spawn } = require('child_process');\nexport const run = spawn;",
          cutShort,
          retry(`${nodeSleep}\nconst { spawn } = require('child_process');\nexport const run = spawn;`, 'await sleep(1000, undefined, { signal });'),
        ),
      ],
    },
    {
      // A Node global the configuration declares (globals.node) is read all the same.
      code: retry('export const args = process.argv;'),
      languageOptions: { globals: { process: 'readonly' } },
      errors: [
        spinning('export const args = process.argv;', cutShort, retry(`${nodeSleep}\nexport const args = process.argv;`, 'await sleep(1000, undefined, { signal });')),
      ],
    },
    {
      // A bare module name bundlers fill in for browsers ('events') is no sign of Node.
      code: retry("import { EventEmitter } from 'events';\nexport const bus = new EventEmitter();"),
      errors: [
        spinning(
          "import { EventEmitter } from 'events';\nexport const bus = new EventEmitter();",
          '',
          retry("import { EventEmitter } from 'events';\nexport const bus = new EventEmitter();", 'await new Promise((resolve) => setTimeout(resolve, 1000));'),
        ),
      ],
    },
    {
      // `process.env` alone is no sign of Node: bundlers write it into browser builds.
      code: retry("export const debug = process.env.NODE_ENV !== 'production';"),
      errors: [
        spinning(
          "export const debug = process.env.NODE_ENV !== 'production';",
          '',
          retry("export const debug = process.env.NODE_ENV !== 'production';", 'await new Promise((resolve) => setTimeout(resolve, 1000));'),
        ),
      ],
    },
    {
      // No sign of Node (a browser's `window`): the platform's own timer, without the signal.
      code: retry('export const origin = window.location.origin;'),
      errors: [
        spinning(
          'export const origin = window.location.origin;',
          '',
          retry('export const origin = window.location.origin;', 'await new Promise((resolve) => setTimeout(resolve, 1000));'),
        ),
      ],
    },
  ],
});
