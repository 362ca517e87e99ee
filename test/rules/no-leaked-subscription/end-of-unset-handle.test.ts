import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// The end written on abort reads the handle's variable where the fix puts it. A variable set inside
// a `try` whose `catch` goes on, or in one branch of an `if`, may still be `undefined` there (GUN's
// hub.js: `let watcher; try { watcher = chokidar.watch(…) } catch { log('install chokidar') }`):
// `watcher.close()` would throw on abort, so the end reads it with `?.`. In TypeScript `?.` type-checks
// only when the variable's written type holds `undefined`; otherwise no edit.

const notClosed = { messageId: 'handleNotEnded' as const, line: 6, column: 15, endLine: 6, endColumn: 29 };

const inTry = (declaration: string, signal: string): string => `
import chokidar from 'chokidar';
export function watchDir(dir: string${signal}) {
  ${declaration}
  try {
    watcher = chokidar.watch(dir);
    watcher.on('change', (file) => console.log(file));
  } catch (error) {
    console.log('install chokidar', error);
  }
}
`;

runInBothModes('no-leaked-subscription: the end of a handle that may be unset where it is written', rule, {
  valid: [],
  invalid: [
    // Its type holds undefined: the end reads it with `?.`.
    {
      code: inTry(`let watcher: chokidar.FSWatcher | undefined;`, ', signal: AbortSignal'),
      output: `
import chokidar from 'chokidar';
export function watchDir(dir: string, signal: AbortSignal) {
  let watcher: chokidar.FSWatcher | undefined;
  try {
    watcher = chokidar.watch(dir);
    watcher.on('change', (file) => console.log(file));
  } catch (error) {
    console.log('install chokidar', error);
  }
  if (signal.aborted) void watcher?.close();
  else signal.addEventListener('abort', () => void watcher?.close(), { once: true });
}
`,
      errors: [notClosed],
    },
    // Its type has no undefined: TypeScript would not let it be read before it is set. No edit.
    {
      code: inTry(`let watcher: chokidar.FSWatcher;`, ', signal: AbortSignal'),
      output: null,
      errors: [notClosed],
    },
    // No type written: an evolving `let`, read in the abort listener as an implicit any. No edit.
    {
      code: inTry(`let watcher;`, ', signal: AbortSignal'),
      output: null,
      errors: [notClosed],
    },
    // `unknown` holds undefined, but no method can be called on it: no edit.
    {
      code: inTry(`let watcher: unknown;`, ', signal: AbortSignal'),
      output: null,
      errors: [notClosed],
    },
    // `any` and `undefined` inside another type (a type argument, a function's result) are no value
    // the variable may take: TypeScript would not let it be read before it is set (TS2454). No edit.
    {
      code: inTry(`let watcher: chokidar.FSWatcher & Record<string, any>;`, ', signal: AbortSignal'),
      output: null,
      errors: [notClosed],
    },
    {
      code: `
import { Worker } from 'bullmq';
export function startWorker(name: string, signal: AbortSignal) {
  let worker: Worker<any>;
  try {
    worker = new Worker(name, async () => 1);
    worker.on('failed', (error) => console.log(error));
  } catch (error) {
    console.log('no worker', error);
  }
}
`,
      output: null,
      errors: [{ messageId: 'connectionNotClosed', line: 6, column: 14, endLine: 6, endColumn: 45 }],
    },
    // Set by a statement of the same block before the end: read as it is.
    {
      code: `
import chokidar from 'chokidar';
export function watchDir(dir: string, signal: AbortSignal) {
  let watcher: chokidar.FSWatcher;
  watcher = chokidar.watch(dir);
  watcher.on('change', (file) => console.log(file));
}
`,
      output: `
import chokidar from 'chokidar';
export function watchDir(dir: string, signal: AbortSignal) {
  let watcher: chokidar.FSWatcher;
  watcher = chokidar.watch(dir);
  watcher.on('change', (file) => console.log(file));
  if (signal.aborted) void watcher.close();
  else signal.addEventListener('abort', () => void watcher.close(), { once: true });
}
`,
      errors: [{ ...notClosed, line: 5, column: 13, endLine: 5, endColumn: 27 }],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: the end of a handle that may be unset where it is written (JavaScript)', rule, {
  valid: [],
  invalid: [
    // GUN's hub.js: set in a try whose catch goes on; the suggested parameter's end reads it with ?.
    {
      code: `
const chokidar = require('chokidar');
function watch(what) {
  let watcher;
  try {
    watcher = chokidar.watch(what);
    watcher.on('add', (path) => console.log(path));
  } catch (error) {
    console.log('install chokidar');
  }
}
module.exports = { watch };
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 6,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
const chokidar = require('chokidar');
function watch(what, signal) {
  let watcher;
  try {
    watcher = chokidar.watch(what);
    watcher.on('add', (path) => console.log(path));
  } catch (error) {
    console.log('install chokidar');
  }
  if (signal?.aborted) void watcher?.close();
  else signal?.addEventListener('abort', () => void watcher?.close(), { once: true });
}
module.exports = { watch };
`,
            },
          ],
        },
      ],
    },
    // Set in one branch of an if; a `signal` known by its name only: suggested, with ?.
    {
      code: `
const chokidar = require('chokidar');
function watch(what, hidden, signal) {
  let watcher;
  if (hidden) watcher = chokidar.watch(what);
  else console.log('nothing to watch');
  watcher?.on('add', (path) => console.log(path));
}
module.exports = { watch };
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 5,
          suggestions: [
            {
              messageId: 'endOnSignal',
              output: `
const chokidar = require('chokidar');
function watch(what, hidden, signal) {
  let watcher;
  if (hidden) watcher = chokidar.watch(what);
  else console.log('nothing to watch');
  watcher?.on('add', (path) => console.log(path));
  if (signal?.aborted) void watcher?.close();
  else signal?.addEventListener('abort', () => void watcher?.close(), { once: true });
}
module.exports = { watch };
`,
            },
          ],
        },
      ],
    },
  ],
});
