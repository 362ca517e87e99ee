import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { javascriptRuleTester, runInBothModes, typedRuleTester } from '../../ruleTester';


runInBothModes('require-signal-propagation: what it reports', rule, {
  valid: [],
  invalid: [
    {
      // fetch with no options, and with a literal that lacks the signal (comments kept).
      code: `
export async function load(url: string, signal: AbortSignal) {
  await fetch(url);
  await fetch(url, { /* keep */ method: 'POST' });
  return fetch(url, {
    method: 'PUT',
  });
}
`,
      output: `
export async function load(url: string, signal: AbortSignal) {
  await fetch(url, { signal });
  await fetch(url, { /* keep */ method: 'POST', signal });
  return fetch(url, {
    method: 'PUT', signal,
  });
}
`,
      errors: [
        {
          ...missing(3, 9, 3, 19),
          data: { call: 'fetch(url)', signal: 'signal', owner: '`load()`' },
        },
        missing(4, 9, 4, 50),
        missing(5, 10, 7, 5),
      ],
    },
    {
      // timers/promises, events, stream/promises, child_process, fs/promises.
      code: `
import { setTimeout } from 'node:timers/promises';
import { once } from 'node:events';
import type { EventEmitter } from 'node:events';
import { spawn, execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export async function work(options: { signal: AbortSignal }, bus: EventEmitter) {
  await setTimeout(100);
  await once(bus, 'ready');
  spawn('ls', ['-la']).on('error', console.error);
  execFile('ls', ['-la'], () => undefined);
  await readFile('/etc/hosts');
}
`,
      output: `
import { setTimeout } from 'node:timers/promises';
import { once } from 'node:events';
import type { EventEmitter } from 'node:events';
import { spawn, execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export async function work(options: { signal: AbortSignal }, bus: EventEmitter) {
  await setTimeout(100, undefined, { signal: options.signal });
  await once(bus, 'ready', { signal: options.signal });
  spawn('ls', ['-la'], { signal: options.signal }).on('error', console.error);
  execFile('ls', ['-la'], { signal: options.signal }, () => undefined);
  await readFile('/etc/hosts', { signal: options.signal });
}
`,
      errors: [missing(9, 9, 9, 24), missing(10, 9, 10, 27), missing(11, 3, 11, 23), missing(12, 3, 12, 43), missing(13, 9, 13, 31)],
    },
    {
      // The project's own functions, by their declarations: an options object and a positional signal.
      code: `
async function load(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return fetch(id, { signal });
}
function sleepFor(ms: number, signal?: AbortSignal) {
  return new Promise((resolve) => setTimeout(resolve, ms, signal));
}
export async function run(signal: AbortSignal) {
  await load('a');
  await sleepFor(10);
  await sleepFor(10, undefined);
}
`,
      output: `
async function load(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return fetch(id, { signal });
}
function sleepFor(ms: number, signal?: AbortSignal) {
  return new Promise((resolve) => setTimeout(resolve, ms, signal));
}
export async function run(signal: AbortSignal) {
  await load('a', { signal });
  await sleepFor(10, signal);
  await sleepFor(10, signal);
}
`,
      errors: [missing(9, 9, 9, 18), missing(10, 9, 10, 21), missing(11, 9, 11, 32)],
    },
    {
      // AbortSignal.any that composes only a timeout.
      code: `
export async function call(url: string, signal: AbortSignal) {
  const deadline = AbortSignal.any([AbortSignal.timeout(1000)]);
  return fetch(url, { signal: deadline });
}
`,
      output: `
export async function call(url: string, signal: AbortSignal) {
  const deadline = AbortSignal.any([signal, AbortSignal.timeout(1000)]);
  return fetch(url, { signal: deadline });
}
`,
      errors: [missing(3, 20, 3, 64)],
    },
    {
      // Popular clients: axios and undici.
      code: `
import axios from 'axios';
import { request } from 'undici';

export async function get(url: string, controller: AbortController) {
  await axios.get(url);
  await request(url);
}
`,
      output: `
import axios from 'axios';
import { request } from 'undici';

export async function get(url: string, controller: AbortController) {
  await axios.get(url, { signal: controller.signal });
  await request(url, { signal: controller.signal });
}
`,
      errors: [missing(6, 9, 6, 23), missing(7, 9, 7, 21)],
    },
  ],
});

typedRuleTester.run('require-signal-propagation: functions of other files, with types', rule, {
  valid: [],
  invalid: [
    {
      // With types, any addEventListener whose signature takes options with a signal.
      code: `
export function watch(signal: AbortSignal, sockets: WebSocket[]) {
  sockets.forEach((socket) => socket.addEventListener('message', () => undefined));
}
`,
      output: `
export function watch(signal: AbortSignal, sockets: WebSocket[]) {
  sockets.forEach((socket) => socket.addEventListener('message', () => undefined, { signal }));
}
`,
      errors: [missing(3, 31, 3, 82)],
    },
    {
      // With types a stream where trailing options would be is known not to be options.
      code: `
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
export async function copy(source: Readable, sink: Writable, signal: AbortSignal) {
  await pipeline(source, sink);
}
`,
      output: `
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
export async function copy(source: Readable, sink: Writable, signal: AbortSignal) {
  await pipeline(source, sink, { signal });
}
`,
      errors: [missing(5, 9, 5, 31)],
    },
    {
      filename: 'project/jobs.ts',
      code: `
import { loadTask, wait } from './api';

export async function run(signal: AbortSignal) {
  await loadTask('a');
  await wait(10);
}
`,
      output: `
import { loadTask, wait } from './api';

export async function run(signal: AbortSignal) {
  await loadTask('a', { signal });
  await wait(10, signal);
}
`,
      errors: [missing(5, 9, 5, 22), missing(6, 9, 6, 17)],
    },
  ],
});

javascriptRuleTester.run('require-signal-propagation: plain JavaScript', rule, {
  valid: [],
  invalid: [
    {
      // Only the name says `signal` is an AbortSignal: a suggestion, not a fix.
      code: `
const { setTimeout: sleep } = require('timers/promises');
async function poll(check, { signal }) {
  await check();
  await sleep(1000);
}
module.exports = { poll };
`,
      output: null,
      errors: [
        {
          messageId: 'missingSignalByName',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'passSignal',
              output: `
const { setTimeout: sleep } = require('timers/promises');
async function poll(check, { signal }) {
  await check();
  await sleep(1000, undefined, { signal });
}
module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
  ],
});
