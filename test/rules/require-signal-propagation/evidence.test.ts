import rule from '../../../rules/require-signal-propagation';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

/** A report resting on a name alone: no fix, one suggestion that passes the signal. */
const byName = (line: number, column: number, endLine: number, endColumn: number, output: string) => ({
  messageId: 'missingSignalByName' as const,
  line,
  column,
  endLine,
  endColumn,
  suggestions: [{ messageId: 'passSignal' as const, output }],
});

// A value is an AbortSignal on evidence (a type, a provenance, a use), never on its name alone.
runInBothModes('require-signal-propagation: what counts as a signal', rule, {
  valid: [
    // The POSIX shape: a string default, string concatenation, `child.kill(signal)`.
    `
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
export function stop(child: ChildProcess, pid: number, signal = 'SIGTERM') {
  spawn('kill', ['-' + signal, String(pid)]);
  child.kill(signal as NodeJS.Signals);
}
`,
    // Typed as a process signal.
    `
import { spawn } from 'node:child_process';
export function stop(pid: number, signal: NodeJS.Signals) {
  spawn('kill', ['-s', signal, String(pid)]);
}
`,
    // Compared with a string.
    `
export async function onSignal(signal) {
  if (signal === 'SIGINT') await fetch('/bye');
}
`,
    // Handed to process.kill, listed among strings, used as an event name.
    `
import { setTimeout as sleep } from 'node:timers/promises';
export async function terminate(pid: number, signal) {
  process.kill(pid, signal);
  await sleep(100);
}
export function trap(signal, handler: () => void) {
  process.on(signal, handler);
  return fetch('/trapped');
}
`,
    // A loop over signal names.
    `
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await fetch('/bye');
  });
}
`,
    // An options object whose \`signal\` is typed as a process signal.
    `
import { setTimeout as sleep } from 'node:timers/promises';
interface KillOptions { signal: NodeJS.Signals; grace: number }
export async function kill(pid: number, options: KillOptions) {
  process.kill(pid, options.signal);
  await sleep(options.grace);
}
`,
    // A function of our own whose \`signal\` parameter is a process signal takes no AbortSignal.
    `
function killTree(pid: number, signal) {
  process.kill(pid, signal);
}
export function stop(pid: number, signal: AbortSignal) {
  killTree(pid);
}
`,
    // …nor one whose \`signal\` parameter nothing uses.
    `
function load(url: string, signal?) {
  return url;
}
export function run(signal: AbortSignal) {
  return load('/a');
}
`,
  ],
  invalid: [
    {
      // A use: \`signal.aborted\` makes a bare parameter an AbortSignal.
      code: `
export async function poll(url: string, signal) {
  if (signal.aborted) return;
  await fetch(url);
}
`,
      output: `
export async function poll(url: string, signal) {
  if (signal.aborted) return;
  await fetch(url, { signal });
}
`,
      errors: [missing(4, 9, 4, 19)],
    },
    {
      // An options object handed to fetch: the \`signal\` read from it is an AbortSignal.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function get(url: string, options) {
  if (!options.signal) console.warn('unbounded fetch', url);
  const response = await fetch(url, options);
  await sleep(100);
  return response;
}
`,
      output: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function get(url: string, options) {
  if (!options.signal) console.warn('unbounded fetch', url);
  const response = await fetch(url, options);
  await sleep(100, undefined, { signal: options.signal });
  return response;
}
`,
      errors: [missing(6, 9, 6, 19)],
    },
    {
      // A function of our own that hands its \`signal\` parameter to fetch takes one.
      code: `
function load(url: string, signal?) {
  return fetch(url, { signal });
}
export async function run(signal: AbortSignal) {
  await load('/a');
}
`,
      output: `
function load(url: string, signal?) {
  return fetch(url, { signal });
}
export async function run(signal: AbortSignal) {
  await load('/a', signal);
}
`,
      errors: [missing(6, 9, 6, 19)],
    },
    {
      // A name and nothing else: a suggestion, never a fix.
      code: `
export async function load(url: string, signal) {
  return fetch(url);
}
`,
      output: null,
      errors: [
        byName(
          3,
          10,
          3,
          20,
          `
export async function load(url: string, signal) {
  return fetch(url, { signal });
}
`,
        ),
      ],
    },
    {
      // A class's \`this.signal\` used as one.
      code: `
export class Poller {
  constructor(signal) {
    this.signal = signal;
  }
  async tick(url: string) {
    if (this.signal.aborted) return;
    await fetch(url);
  }
}
`,
      output: `
export class Poller {
  constructor(signal) {
    this.signal = signal;
  }
  async tick(url: string) {
    if (this.signal.aborted) return;
    await fetch(url, { signal: this.signal });
  }
}
`,
      errors: [missing(8, 11, 8, 21)],
    },
  ],
});

// The shape in plain JavaScript, and JSDoc as evidence.
javascriptRuleTester.run('require-signal-propagation: what counts as a signal in JavaScript', rule, {
  valid: [
    `
const { spawn } = require('child_process');
function stop(child, signal = 'SIGTERM') {
  spawn('kill', ['-' + signal, String(child.pid)]);
  child.kill(signal);
}
module.exports = { stop };
`,
    `
const { spawn } = require('child_process');
function stop(child, signal) {
  child.kill(signal || 'SIGTERM');
  spawn('reap', [String(child.pid)]);
}
module.exports = { stop };
`,
    // Documented as a string.
    `
/**
 * @param {number} pid
 * @param {string} signal
 */
async function stop(pid, signal) {
  await fetch('/stopping/' + pid);
}
module.exports = { stop };
`,
    // A class whose \`this.signal\` is a process signal name.
    `
class Supervisor {
  constructor() {
    this.signal = 'SIGTERM';
  }
  async stop() {
    await fetch('/stopping');
  }
}
module.exports = { Supervisor };
`,
  ],
  invalid: [
    {
      code: `
const { setTimeout: sleep } = require('timers/promises');
/**
 * @param {string} url
 * @param {AbortSignal} [signal]
 */
async function poll(url, signal) {
  await sleep(1000);
  return fetch(url);
}
module.exports = { poll };
`,
      output: `
const { setTimeout: sleep } = require('timers/promises');
/**
 * @param {string} url
 * @param {AbortSignal} [signal]
 */
async function poll(url, signal) {
  await sleep(1000, undefined, { signal });
  return fetch(url, { signal });
}
module.exports = { poll };
`,
      errors: [missing(8, 9, 8, 20), missing(9, 10, 9, 20)],
    },
    {
      // JSDoc on a destructured options parameter, and on a local.
      code: `
/**
 * @param {object} options
 * @param {AbortSignal} [options.signal]
 */
exports.load = async function load(url, { signal }) {
  /** @type {AbortSignal} */
  const deadline = makeDeadline();
  await fetch(url);
  await fetch(url + '/more');
};
`,
      output: `
/**
 * @param {object} options
 * @param {AbortSignal} [options.signal]
 */
exports.load = async function load(url, { signal }) {
  /** @type {AbortSignal} */
  const deadline = makeDeadline();
  await fetch(url, { signal });
  await fetch(url + '/more', { signal });
};
`,
      errors: [missing(9, 9, 9, 19), missing(10, 9, 10, 29)],
    },
    {
      // Provenance: made by AbortSignal.timeout.
      code: `
async function load(url) {
  const signal = AbortSignal.timeout(5000);
  return fetch(url);
}
module.exports = { load };
`,
      output: `
async function load(url) {
  const signal = AbortSignal.timeout(5000);
  return fetch(url, { signal });
}
module.exports = { load };
`,
      errors: [missing(4, 10, 4, 20)],
    },
    {
      // A name and nothing else: a suggestion, never a fix.
      code: `
async function load(url, signal) {
  return fetch(url);
}
module.exports = { load };
`,
      output: null,
      errors: [
        byName(
          3,
          10,
          3,
          20,
          `
async function load(url, signal) {
  return fetch(url, { signal });
}
module.exports = { load };
`,
        ),
      ],
    },
  ],
});

// More facts the engine reads, each decisive on its own.
runInBothModes('require-signal-propagation: more evidence', rule, {
  valid: [
    // Counter-evidence: a switch over signal names, a string fallback, a template.
    `
export async function onSignal(signal) {
  switch (signal) {
    case 'SIGINT':
      await fetch('/interrupted');
      break;
  }
}
export async function report(signal) {
  const name = signal ?? 'SIGTERM';
  return fetch('/stopped');
}
export async function log(signal) {
  console.log(\`stopping on \${signal}\`);
  return fetch('/stopped');
}
`,
    // Passed where a function of our own takes a process signal.
    `
function killWith(pid: number, name: NodeJS.Signals) {
  process.kill(pid, name);
}
export async function stop(pid: number, signal) {
  killWith(pid, signal);
  await fetch('/stopped');
}
`,
  ],
  invalid: [
    {
      // Provenance: destructured from a controller made here.
      code: `
export async function run(url: string) {
  const controller = new AbortController();
  const { signal } = controller;
  setTimeout(() => controller.abort(), 1000);
  return fetch(url);
}
`,
      output: `
export async function run(url: string) {
  const controller = new AbortController();
  const { signal } = controller;
  setTimeout(() => controller.abort(), 1000);
  return fetch(url, { signal });
}
`,
      errors: [missing(6, 10, 6, 20)],
    },
    {
      // An options type of this file whose \`signal\` is an AbortSignal (also without types).
      code: `
interface LoadOptions { signal?: AbortSignal; retries?: number }
export async function load(url: string, options: LoadOptions) {
  return fetch(url);
}
`,
      output: `
interface LoadOptions { signal?: AbortSignal; retries?: number }
export async function load(url: string, options: LoadOptions) {
  return fetch(url, { signal: options.signal });
}
`,
      errors: [missing(4, 10, 4, 20)],
    },
    {
      // A class's \`this.signal\` known by its name alone: a suggestion.
      code: `
export class Poller {
  constructor(signal) {
    this.signal = signal;
  }
  async tick(url: string) {
    await fetch(url);
  }
}
`,
      output: null,
      errors: [
        byName(
          7,
          11,
          7,
          21,
          `
export class Poller {
  constructor(signal) {
    this.signal = signal;
  }
  async tick(url: string) {
    await fetch(url, { signal: this.signal });
  }
}
`,
        ),
      ],
    },
  ],
});
