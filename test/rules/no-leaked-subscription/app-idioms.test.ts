import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester } from '../../ruleTester';

// Application idioms (express/connect middleware, process managers): a handler written as a
// named function and handed over by name is a callback like an inline one; an object a function
// has just made and put in a module variable is that function's own.
runInBothModes('no-leaked-subscription: application idioms', rule, {
  valid: [
    // Middleware and route handlers passed by name: req and res are made for each request.
    `
import * as http from 'node:http';
import { EventEmitter } from 'node:events';

const updates = new EventEmitter();

function timing(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) {
  const started = Date.now();
  res.on('finish', () => console.log(req.url, Date.now() - started));
  next();
}

function events(req: http.IncomingMessage, res: http.ServerResponse) {
  const send = (data: string) => res.write(data);
  updates.on('update', send);
  req.on('close', () => updates.off('update', send));
}

declare const app: {
  use(handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void): void;
  get(path: string, handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): void;
};
app.use(timing);
app.get('/events', events);
`,
    // A child process the function has just spawned into a module variable: the listener is on it.
    `
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';

let child: ChildProcess | null = null;

export function startChild(script: string) {
  child = spawn(process.execPath, [script], { stdio: 'inherit' });
  child.on('exit', (code) => {
    console.log('child exited', code);
    child = null;
  });
}
`,
  ],
  invalid: [
    {
      // A flag checked and set around other work does not guard the listener after it.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
let announced = false;

export function onJob(handler: (id: string) => void) {
  if (!announced) {
    announced = true;
    console.log('first job handler');
  }
  bus.on('job', handler);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "bus.on('job', handler)", label: "a 'job' listener", target: 'bus', outlives: 'module-level' },
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`onJob()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();
let announced = false;

export function onJob(handler: (id: string) => void, signal?: AbortSignal) {
  if (!announced) {
    announced = true;
    console.log('first job handler');
  }
  bus.on('job', handler);
  if (signal?.aborted) bus.off('job', handler);
  else signal?.addEventListener('abort', () => bus.off('job', handler), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// Without types a spawned child is not known to be an emitter; with them, the guard that does not
// guard the listener is seen.
typedRuleTester.run('no-leaked-subscription: application idioms (typed)', rule, {
  valid: [],
  invalid: [
    {
      // Made again only when the last one was killed: otherwise each call adds one more listener
      // to the same child.
      code: `
import { spawn } from 'node:child_process';

let child = spawn(process.execPath, ['worker.js']);

export function ensureChild() {
  if (child.killed) child = spawn(process.execPath, ['worker.js']);
  child.on('exit', () => console.log('exit'));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'child.on(…)', label: "an 'exit' listener", target: 'child', outlives: 'module-level' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 11,
          // No suggestion: `child` is assigned again, so at abort time `child.off(…)` could remove the
          // listener from another process (or, typed `ChildProcess | undefined`, not compile).
          suggestions: [],
        },
      ],
    },
  ],
});

// nodemon/pm2-style daemons in plain JavaScript.
javascriptRuleTester.run('no-leaked-subscription: application idioms (JavaScript)', rule, {
  valid: [
    `
const { spawn } = require('child_process');
const { EventEmitter } = require('events');

const bus = new EventEmitter();
let child = null;

function startChild(script) {
  child = spawn(process.execPath, [script], { stdio: 'inherit' });
  child.on('exit', function (code) {
    bus.emit('exit', code);
    child = null;
  });
}

function onConnection(socket) {
  socket.on('data', function (chunk) {
    bus.emit('data', chunk);
  });
}

module.exports = function (server, script) {
  server.on('connection', onConnection);
  startChild(script);
};
`,
  ],
  invalid: [],
});
