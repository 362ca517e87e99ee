import rule from '../../../rules/require-signal-propagation';
import { javascriptRuleTester, runInBothModes, typedRuleTester } from '../../ruleTester';
import { missing } from './missingSignal';

// Aborting the signal given to `spawn` or `fork` kills the child and emits 'error' on it. With no
// 'error' listener on the child, that 'error' is thrown: the abort that was to end the child
// gracefully crashes the process (checked with Node 20). So `--fix` writes `{ signal }` only where
// the code that makes the child listens for 'error' on it; elsewhere it is a suggestion that says so.
// (`exec` and `execFile` hand that error to their callback instead.)
const job = (body: string, params = 'signal: AbortSignal') => `
import { spawn, fork, exec } from 'node:child_process';

export function job(script: string, ${params}) {
${body}
}
`;

const unheard = (line: number, column: number, endColumn: number, output: string) => ({
  ...missing(line, column, line, endColumn),
  suggestions: [{ messageId: 'passSignalUnheard' as const, output }],
});

runInBothModes('require-signal-propagation: a child whose abort emits an unheard error', rule, {
  valid: [],
  invalid: [
    // Listened for where it is made: on the variable, chained, or on the member it is kept in.
    {
      code: job(`  const child = spawn(script);
  child.on('error', (error) => console.error(error.name));
  child.on('exit', () => console.log('exited'));`),
      output: job(`  const child = spawn(script, { signal });
  child.on('error', (error) => console.error(error.name));
  child.on('exit', () => console.log('exited'));`),
      errors: [missing(5, 17, 5, 30)],
    },
    {
      code: job(`  return new Promise((resolve, reject) => {
    spawn(script).on('exit', resolve).once('error', reject);
  });`),
      output: job(`  return new Promise((resolve, reject) => {
    spawn(script, { signal }).on('exit', resolve).once('error', reject);
  });`),
      errors: [missing(6, 5, 6, 18)],
    },
    {
      code: `
import { fork } from 'node:child_process';

export class Renderer {
  child?: ReturnType<typeof fork>;
  start(signal: AbortSignal) {
    this.child = fork('./render.js');
    this.child.on('error', () => undefined);
  }
}
`,
      output: `
import { fork } from 'node:child_process';

export class Renderer {
  child?: ReturnType<typeof fork>;
  start(signal: AbortSignal) {
    this.child = fork('./render.js', { signal });
    this.child.on('error', () => undefined);
  }
}
`,
      errors: [missing(7, 18, 7, 37)],
    },
    // Not listened for: dropped, listened for other events only, or handed back to the caller.
    {
      code: job(`  spawn(script);`),
      output: null,
      errors: [unheard(5, 3, 16, job(`  spawn(script, { signal });`))],
    },
    {
      code: job(`  const child = fork(script);
  child.on('exit', () => console.log('exited'));`),
      output: null,
      errors: [
        unheard(
          5,
          17,
          29,
          job(`  const child = fork(script, { signal });
  child.on('exit', () => console.log('exited'));`),
        ),
      ],
    },
    {
      code: job(`  return spawn(script);`),
      output: null,
      errors: [unheard(5, 10, 23, job(`  return spawn(script, { signal });`))],
    },
    // A listener for 'error' on another child is not one on this child.
    {
      code: job(`  const child = spawn(script);
  const other = spawn(script, { signal });
  other.on('error', () => undefined);`),
      output: null,
      errors: [
        unheard(
          5,
          17,
          30,
          job(`  const child = spawn(script, { signal });
  const other = spawn(script, { signal });
  other.on('error', () => undefined);`),
        ),
      ],
    },
    // A listener added before the child is kept there is the previous child's.
    {
      code: `
import { spawn } from 'node:child_process';

export class Runner {
  child = spawn('a');
  restart(signal: AbortSignal) {
    this.child.on('error', () => undefined);
    this.child = spawn('b');
  }
}
`,
      output: null,
      errors: [
        unheard(
          8,
          18,
          28,
          `
import { spawn } from 'node:child_process';

export class Runner {
  child = spawn('a');
  restart(signal: AbortSignal) {
    this.child.on('error', () => undefined);
    this.child = spawn('b', { signal });
  }
}
`,
        ),
      ],
    },
    {
      code: job(`  let child = spawn(script);
  child.on('error', () => undefined);
  child = spawn(script, { signal });
  return child;`),
      output: null,
      errors: [
        unheard(
          5,
          15,
          28,
          job(`  let child = spawn(script, { signal });
  child.on('error', () => undefined);
  child = spawn(script, { signal });
  return child;`),
        ),
      ],
    },
  ],
});

// Not tracked by its import, a call typed to return a child (`import cp = require(…)`, a wrapper
// such as cross-spawn's) is known by that type.
typedRuleTester.run('require-signal-propagation: a child known by its type', rule, {
  valid: [],
  invalid: [
    {
      code: `
import cp = require('node:child_process');
export function job(script: string, signal: AbortSignal) {
  cp.fork(script);
}
`,
      output: null,
      errors: [
        unheard(
          4,
          3,
          18,
          `
import cp = require('node:child_process');
export function job(script: string, signal: AbortSignal) {
  cp.fork(script, { signal });
}
`,
        ),
      ],
    },
    {
      code: `
import type { ChildProcess } from 'node:child_process';
declare function crossSpawn(command: string, options?: { signal?: AbortSignal }): ChildProcess;
export function job(script: string, signal: AbortSignal) {
  const child = crossSpawn(script);
  child.on('error', () => undefined);
  crossSpawn(script);
}
`,
      output: `
import type { ChildProcess } from 'node:child_process';
declare function crossSpawn(command: string, options?: { signal?: AbortSignal }): ChildProcess;
export function job(script: string, signal: AbortSignal) {
  const child = crossSpawn(script, { signal });
  child.on('error', () => undefined);
  crossSpawn(script);
}
`,
      errors: [
        missing(5, 17, 5, 35),
        unheard(
          7,
          3,
          21,
          `
import type { ChildProcess } from 'node:child_process';
declare function crossSpawn(command: string, options?: { signal?: AbortSignal }): ChildProcess;
export function job(script: string, signal: AbortSignal) {
  const child = crossSpawn(script);
  child.on('error', () => undefined);
  crossSpawn(script, { signal });
}
`,
        ),
      ],
    },
  ],
});

javascriptRuleTester.run('require-signal-propagation: a child whose abort emits an unheard error (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const { spawn } = require('node:child_process');
async function job(script, signal) {
  signal.throwIfAborted();
  const child = spawn(script);
  child.on('error', () => undefined);
  spawn(script);
}
module.exports = { job };
`,
      output: `
const { spawn } = require('node:child_process');
async function job(script, signal) {
  signal.throwIfAborted();
  const child = spawn(script, { signal });
  child.on('error', () => undefined);
  spawn(script);
}
module.exports = { job };
`,
      errors: [
        missing(5, 17, 5, 30),
        unheard(
          7,
          3,
          16,
          `
const { spawn } = require('node:child_process');
async function job(script, signal) {
  signal.throwIfAborted();
  const child = spawn(script);
  child.on('error', () => undefined);
  spawn(script, { signal });
}
module.exports = { job };
`,
        ),
      ],
    },
  ],
});
