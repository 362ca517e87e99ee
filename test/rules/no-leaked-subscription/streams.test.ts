import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: stream pipe()', rule, {
  valid: [
    // stream.pipeline removes what it adds on every path, failures included
    `
import { pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';

export async function record(body: Readable, log: Writable) {
  await pipeline(body, log, { end: false });
}
`,
    // unpiped however the source finishes: ended, failed or destroyed
    `
import { finished } from 'node:stream';
import type { Readable, Writable } from 'node:stream';

export function record(body: Readable, log: Writable) {
  body.pipe(log, { end: false });
  finished(body, () => body.unpipe(log));
}
`,
    // pipe() ends the destination with the source: the two go together
    `
import type { Readable, Writable } from 'node:stream';

export function copy(body: Readable, file: Writable) {
  body.pipe(file);
}
`,
    // a destination made here lives no longer than the call's own streams
    `
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';

export function tee(body: Readable) {
  const copy = new PassThrough();
  body.pipe(copy, { end: false });
  return copy;
}
`,
    // a child's output ends when the child exits
    `
import { spawn } from 'node:child_process';

export function run(command: string) {
  const child = spawn(command, { shell: true });
  child.stdout.pipe(process.stdout);
  child.stderr.pipe(process.stderr);
  return child;
}
`,
    // once for the whole program
    `
import net from 'node:net';

const socket = net.connect(7000);
socket.pipe(process.stdout);
`,
  ],
  invalid: [
    {
      // into a long-lived log that is left open: stays on it if the body fails
      code: `
import type { Readable, Writable } from 'node:stream';

export function record(body: Readable, log: Writable) {
  body.pipe(log, { end: false });
}
`,
      errors: [
        {
          messageId: 'pipeLeftOpen',
          data: { code: 'body.pipe(log, { end: false })', target: 'log', outlives: 'a parameter', source: 'body' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 12,
        },
      ],
    },
    {
      // pipe() never ends process.stdout; and nothing can close the socket (kb-node-sockets.test.ts)
      code: `
import net from 'node:net';

export function tail(port: number) {
  const socket = net.connect(port);
  socket.pipe(process.stdout);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'net.connect(port)', label: 'a TCP socket', handle: 'socket' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`tail()`' },
              output: `
import net from 'node:net';

export function tail(port: number, signal?: AbortSignal) {
  const socket = net.connect(port);
  socket.pipe(process.stdout);
  if (signal?.aborted) socket.destroy();
  else signal?.addEventListener('abort', () => socket.destroy(), { once: true });
}
`,
            },
          ],
        },
        {
          messageId: 'pipeLeftOpen',
          data: { code: 'socket.pipe(process.stdout)', target: 'process.stdout', outlives: 'a global', source: 'socket' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: stream pipe() (JavaScript)', rule, {
  valid: [
    `
const net = require('net');
const { pipeline } = require('stream');

function tail(port, done) {
  const socket = net.connect(port);
  pipeline(socket, process.stdout, done);
}
module.exports = { tail };
`,
  ],
  invalid: [
    {
      code: `
const net = require('net');

function tail(port) {
  const socket = net.connect(port);
  socket.pipe(process.stdout);
}
module.exports = { tail };
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'net.connect(port)', label: 'a TCP socket', handle: 'socket' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`tail()`' },
              output: `
const net = require('net');

function tail(port, signal) {
  const socket = net.connect(port);
  socket.pipe(process.stdout);
  if (signal?.aborted) socket.destroy();
  else signal?.addEventListener('abort', () => socket.destroy(), { once: true });
}
module.exports = { tail };
`,
            },
          ],
        },
        {
          messageId: 'pipeLeftOpen',
          data: { code: 'socket.pipe(process.stdout)', target: 'process.stdout', outlives: 'a global', source: 'socket' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
  ],
});
