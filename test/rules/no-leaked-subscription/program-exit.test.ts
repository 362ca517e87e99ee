import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A function that installs the program's own exit (a handler that ends the process every time it
// runs) is the program's front end: a terminal UI, a CLI command, a server's start-up. What it
// starts runs until that exit, however the function is exported (pm2's `Dashboard.init`).
runInBothModes('no-leaked-subscription: a function that installs the program exit', rule, {
  valid: [
    `
import * as http from 'node:http';

export function startServer(port: number) {
  const server = http.createServer((req, res) => res.end('ok'));
  server.listen(port);
  setInterval(() => console.log('alive'), 30_000);
  process.on('SIGTERM', () => {
    server.close();
    process.exit(0);
  });
}
`,
    `
import { EventEmitter } from 'node:events';

declare const screen: EventEmitter & { key(keys: string[], handler: () => void): void; render(): void };

const Dashboard: { init?: () => void } = {};
Dashboard.init = function () {
  screen.key(['escape', 'q', 'C-c'], () => process.exit(0));
  setInterval(() => screen.render(), 300);
};
export default Dashboard;
`,
  ],
  invalid: [
    {
      // The handler ends the process only when asked twice: not every run of it exits.
      code: `
declare const screen: { key(keys: string[], handler: () => void): void; render(): void };
let asked = false;

export function initScreen() {
  screen.key(['q'], () => {
    if (asked) process.exit(0);
    asked = true;
  });
  setInterval(() => screen.render(), 300);
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { code: 'setInterval(() => screen.render(), 300)', label: 'an interval' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`initScreen()`' },
              output: `
declare const screen: { key(keys: string[], handler: () => void): void; render(): void };
let asked = false;

export function initScreen(signal?: AbortSignal) {
  screen.key(['q'], () => {
    if (asked) process.exit(0);
    asked = true;
  });
  const interval = setInterval(() => screen.render(), 300);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // It exits the program, but this file calls it on every tick: that shows it repeats.
      code: `
function watch() {
  process.on('SIGINT', () => process.exit(130));
  setInterval(() => console.log('poll'), 1000);
}

setInterval(() => watch(), 60_000);
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { code: 'setInterval(…)', label: 'an interval' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watch()`' },
              output: `
function watch(signal?: AbortSignal) {
  process.on('SIGINT', () => process.exit(130));
  const interval = setInterval(() => console.log('poll'), 1000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}

setInterval(() => watch(), 60_000);
`,
            },
          ],
        },
      ],
    },
  ],
});

// pm2's lib/API/Dashboard.js, reduced: a namespace object exported with module.exports, whose
// init() draws a full-screen UI, quits the process on 'q', and refreshes it every 300 ms.
javascriptRuleTester.run('no-leaked-subscription: a function that installs the program exit (JavaScript)', rule, {
  valid: [
    `
var blessed = require('blessed');
var Dashboard = {};
Dashboard.init = function () {
  this.screen = blessed.screen({ smartCSR: true });
  var that = this;
  this.screen.key(['escape', 'q', 'C-c'], function () {
    this.screen.destroy();
    process.exit(0);
  });
  setInterval(function () {
    that.screen.render();
  }, 300);
  return this;
};
module.exports = Dashboard;
`,
  ],
  invalid: [
    {
      // A parameter named process is not the program's process.
      code: `
var Dashboard = {};
Dashboard.init = function (process) {
  process.on('quit', function () {
    process.exit(0);
  });
  setInterval(function () {
    Dashboard.render();
  }, 300);
};
Dashboard.render = function () {};
module.exports = Dashboard;
`,
      errors: [
        {
          messageId: 'handleDropped',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
  ],
});

// An interval whose own callback ends the process (once the parent process is gone) is the
// program's watchdog: it runs until it fires (vscode-languageserver's parent-process check).
// Only no-leaked-subscription lets it be: one started on every request is still a pile-up.
runInBothModes('no-leaked-subscription: an interval that exits the process', rule, {
  valid: [
    `
export const watchDog = {
  initialize(params: { processId?: number }) {
    const processId = params.processId;
    if (typeof processId === 'number') {
      setInterval(() => {
        try {
          process.kill(processId, 0);
        } catch {
          process.exit(1);
        }
      }, 3000);
    }
  },
};
`,
  ],
  invalid: [
    {
      // the exit is in a function the callback only makes, not in a run of the callback
      code: `
export function watchParent(processId: number) {
  setInterval(() => {
    process.once('SIGTERM', () => process.exit(0));
    process.kill(processId, 0);
  }, 3000);
}
`,
      errors: [{ messageId: 'handleDropped', line: 3, column: 3, suggestions: [{ messageId: 'addSignalParameter', output: `
export function watchParent(processId: number, signal?: AbortSignal) {
  const interval = setInterval(() => {
    process.once('SIGTERM', () => process.exit(0));
    process.kill(processId, 0);
  }, 3000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
` }] }],
    },
  ],
});
