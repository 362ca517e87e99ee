import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// The wait added before a retry is Node's `timers/promises` sleep, which takes the signal, only in a
// file that shows it runs on Node: it loads one of Node's modules or reads a global only Node has
// (not `process.env`, which bundlers write into browser builds).
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
