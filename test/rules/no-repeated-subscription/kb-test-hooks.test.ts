import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A test runner's `beforeEach(fn)` (node:test, vitest, mocha, @jest/globals, imported) runs `fn`
// before every test. The module (or the `describe` callback) that registers it is one run, as a
// Vue setup() is for its mount hooks: what `fn` starts is ended by the `afterEach` beside it, or
// every test leaves one more server, listener or interval open (and the runner never exits).
runInBothModes('no-repeated-subscription: test hooks run before every test', rule, {
  valid: [
    `
import { afterEach, beforeEach, test } from 'node:test';
import http from 'node:http';
let server: http.Server;
beforeEach(async () => {
  server = http.createServer((req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, () => resolve()));
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));
test('a', () => {});
`,
    `
import { afterEach, beforeEach, describe, it } from 'vitest';
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
describe('jobs', () => {
  const onJob = () => {};
  beforeEach(() => {
    bus.on('job', onJob);
  });
  afterEach(() => {
    bus.off('job', onJob);
  });
  it('runs', () => {});
});
`,
    // a timer set under the test's fake clock, in the same hook or after one installed earlier
    `
import { afterEach, beforeEach, it, vi } from 'vitest';
let ticks = 0;
beforeEach(() => {
  vi.useFakeTimers();
  setInterval(() => { ticks++; }, 1000);
});
afterEach(() => {
  vi.useRealTimers();
});
it('ticks', () => { vi.advanceTimersByTime(3000); });
`,
    `
import { beforeAll, beforeEach, describe, it, jest } from '@jest/globals';
describe('poller', () => {
  beforeAll(() => {
    jest.useFakeTimers();
  });
  beforeEach(() => {
    setInterval(() => {}, 1000);
  });
  it('polls', () => {});
});
`,
    `
import { beforeEach, mock, test } from 'node:test';
mock.timers.enable({ apis: ['setInterval'] });
beforeEach(() => {
  setInterval(() => {}, 1000);
});
test('a', () => {});
`,
    // a hook that runs once for the file
    `
import { after, before, test } from 'node:test';
import http from 'node:http';
const server = http.createServer((req, res) => res.end('ok'));
before(() => new Promise<void>((resolve) => server.listen(0, () => resolve())));
after(() => server.close());
test('a', () => {});
`,
  ],
  invalid: [
    {
      code: `
import { beforeEach, test } from 'node:test';
import http from 'node:http';
let port = 0;
beforeEach(async () => {
  const server = http.createServer((req, res) => res.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, () => resolve()));
  port = (server.address() as { port: number }).port;
});
test('a', () => {});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'http.createServer(…)', every: 'before every test', started: 'HTTP server' }, line: 6, column: 18 }],
    },
    {
      code: `
import { beforeEach, describe, it } from 'vitest';
describe('clock', () => {
  beforeEach(() => {
    setInterval(() => {}, 1000);
  });
  it('ticks', () => {});
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'setInterval(() => {}, 1000)', every: 'before every test', started: 'interval' }, line: 5, column: 5 }],
    },
    // The fake clock comes after the timer, or the timer is not the global one it replaces.
    {
      code: `
import { beforeEach, it, vi } from 'vitest';
beforeEach(() => {
  setInterval(() => {}, 1000);
  vi.useFakeTimers();
});
it('ticks', () => {});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'setInterval(() => {}, 1000)', every: 'before every test', started: 'interval' }, line: 4, column: 3 }],
    },
    {
      // A clock that fakes only Date, and one a test installed for itself, hold no interval.
      code: `
import { beforeEach, it, vi } from 'vitest';
it('dates', () => {
  vi.useFakeTimers();
  vi.useRealTimers();
});
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  setInterval(() => {}, 1000);
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'setInterval(() => {}, 1000)', every: 'before every test', started: 'interval' }, line: 9, column: 3 }],
    },
    {
      code: `
import { beforeEach, it, vi } from 'vitest';
import { setInterval } from 'node:timers';
beforeEach(() => {
  vi.useFakeTimers();
  setInterval(() => {}, 1000);
});
it('ticks', () => {});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'setInterval(() => {}, 1000)', every: 'before every test', started: 'interval' }, line: 6, column: 3 }],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: test hooks run before every test (mocha, CommonJS)', rule, {
  valid: [
    // jest's global hooks, the server closed after each test, the timer under jest's global fake clock
    `
const http = require('http');
let server;
beforeEach(() => {
  server = http.createServer((req, res) => res.end('ok'));
  server.listen(0);
});
afterEach(() => server.close());
beforeEach(() => {
  jest.useFakeTimers();
  setInterval(() => {}, 1000);
});
test('a', () => {});
`,
    // a \`beforeEach\` the file defines itself is not the runner's
    `
function beforeEach(fn) { fn(); }
beforeEach(() => {
  setInterval(() => {}, 1000);
});
`,
  ],
  invalid: [
    {
      // jest's (or mocha's) global \`beforeEach\`, neither declared nor imported
      code: `
const http = require('http');
let port = 0;
beforeEach(async () => {
  const server = http.createServer((req, res) => res.end('ok'));
  await new Promise((resolve) => server.listen(0, () => resolve()));
  port = server.address().port;
});
test('a', () => {});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'http.createServer(…)', every: 'before every test', started: 'HTTP server' }, line: 5, column: 18 }],
    },
    {
      code: `
const { beforeEach, it } = require('mocha');
beforeEach('start the bus listener', function () {
  process.on('message', () => {});
});
it('works', () => {});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: "process.on('message', () => {})", every: 'before every test', started: "'message' listener" }, line: 4, column: 3 }],
    },
  ],
});
