import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Whether a function runs once comes from where this file calls it, not from its name.
runInBothModes('no-leaked-subscription: runs once, from the call graph', rule, {
  valid: [
    // Called only from module scope, from main(), from a top-level IIFE, however named or assigned;
    // guarded by a module flag; and process signal handlers wherever they are installed.
    `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

const app = {
  start() {
    bus.on('job', () => console.log('job'));
    this.heartbeat();
  },
  heartbeat() {
    setInterval(() => console.log('alive'), 1000);
  },
};
app.start();

const Dashboard: { refresh?: () => void } = {};
Dashboard.refresh = function () {
  bus.on('refresh', () => console.log('refresh'));
};
Dashboard.refresh();

function listenForJobs() {
  bus.on('job', () => console.log('job'));
}
function main() {
  listenForJobs();
}
void main();

function watchConfig() {
  setInterval(() => console.log('reload'), 1000);
}
(async () => {
  watchConfig();
})();

let started = false;
export function start() {
  if (started) return;
  started = true;
  bus.on('start', () => console.log('started'));
}

export function onDump() {
  process.on('SIGQUIT', () => console.log('dump'));
  process.on('SIGWINCH', () => console.log('resize'));
  process.on('SIGUSR1', () => console.log('usr1'));
}
`,
    // What remains of names: an installer attaches to what it is given, for that object's life,
    // wherever it is called from (here once per connection, with the connection's socket).
    `
import * as net from 'node:net';
function attachHandlers(socket: net.Socket) {
  socket.on('data', (chunk) => console.log(chunk.length));
}
net.createServer((socket) => attachHandlers(socket)).listen(8080);
`,
    // Guarded by a flag on a module-level object (webpack-dev-middleware's overlay): the flag
    // outlives every call, so each listener is added once.
    `
const state = { runtimeListenersAttached: false, keys: { attached: false } };
export function attachRuntimeErrorListeners() {
  if (state.runtimeListenersAttached) return;
  state.runtimeListenersAttached = true;
  window.addEventListener('error', (event) => console.error(event.message));
}
export function renderOverlay() {
  if (!state.keys.attached) {
    state.keys.attached = true;
    document.addEventListener('keydown', (event) => console.log(event.key));
  }
}
`,
  ],
  invalid: [
    {
      // A flag on an object the caller hands in guards nothing: each caller may hand in a new one.
      code: `
export function attach(options: { attached?: boolean }) {
  if (options.attached) return;
  options.attached = true;
  window.addEventListener('error', (event) => console.error(event.message));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: {
            label: "an 'error' listener",
            target: 'window',
            outlives: 'a global',
            code: 'window.addEventListener(…)',
          },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`attach()`' },
              output: `
export function attach(options: { attached?: boolean }, signal?: AbortSignal) {
  if (options.attached) return;
  options.attached = true;
  window.addEventListener('error', (event) => console.error(event.message), { signal });
}
`,
            },
          ],
        },
      ],
    },
    {
      // Named like an installer, but called on every tick: nothing runs it only once.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function init() {
  bus.on('job', () => console.log('job'));
}

setInterval(() => init(), 1000);
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: {
            label: "a 'job' listener",
            target: 'bus',
            outlives: 'module-level',
            code: "bus.on('job', () => console.log('job'))",
          },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`init()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function init(signal?: AbortSignal) {
  const onJob = () => console.log('job');
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}

setInterval(() => init(), 1000);
`,
            },
          ],
        },
      ],
    },
    {
      // Exported and never called here: an installer's name spares only a start on what it is given.
      code: `
export function initMetrics(flush: () => void) {
  setInterval(flush, 10_000);
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'an interval', code: 'setInterval(flush, 10_000)' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`initMetrics()`' },
              output: `
export function initMetrics(flush: () => void, signal?: AbortSignal) {
  const interval = setInterval(flush, 10_000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// Browser scripts: a namespace object's method called once at top level runs once; called for
// every element, it does not.
javascriptRuleTester.run('no-leaked-subscription: runs once (JavaScript)', rule, {
  valid: [
    `
var Dashboard = {};
Dashboard.init = function () {
  window.addEventListener('resize', function () {
    Dashboard.layout();
  });
};
Dashboard.layout = function () {};
Dashboard.init();
`,
    `
const app = {
  init() {
    this.bind();
  },
  bind() {
    window.addEventListener('resize', () => console.log('resize'));
  },
};
app.init();
`,
  ],
  invalid: [
    {
      code: `
var Dashboard = {};
Dashboard.init = function () {
  window.addEventListener('resize', function () {
    Dashboard.layout();
  });
};
Dashboard.layout = function () {};
document.querySelectorAll('.panel').forEach(function () {
  Dashboard.init();
});
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'resize' listener", target: 'window', outlives: 'a global', code: 'window.addEventListener(…)' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 26,
          // A function assigned to an object's property: its callers might not pass a new argument.
          suggestions: [],
        },
      ],
    },
  ],
});
