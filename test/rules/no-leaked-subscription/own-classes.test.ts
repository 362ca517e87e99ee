import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// An instance of one of our classes holds what the class's own code keeps open (test/fixtures/
// project/ownClasses.ts: a Redis connection until `quit()`, a TCP server from `listen()` until
// `close()`): a `new` of it is a start, ended by that method. The evidence is the class's code in
// its own file, not its name or its method names: `Buffered` has a `close()` that ends nothing.
const filename = 'project/jobs.ts';

runInBothModes('no-leaked-subscription: an instance of a class of ours that holds something open', rule, {
  valid: [
    {
      // Ended in `finally`.
      filename,
      code: `
import { Cache } from './ownClasses';
export async function lookup(key: string) {
  const cache = new Cache('localhost');
  try {
    return await cache.get(key);
  } finally {
    await cache.quit();
  }
}
`,
    },
    {
      // Handed to the caller, who owns it.
      filename,
      code: `
import { Cache } from './ownClasses';
export function openCache(host: string) {
  return new Cache(host);
}
`,
    },
    {
      // The owner's teardown ends it.
      filename,
      code: `
import { Listener } from './ownClasses';
export class Service {
  private listener: Listener | undefined;
  start(port: number) {
    this.listener = new Listener();
    this.listener.listen(port);
  }
  stop() {
    this.listener?.close();
  }
}
`,
    },
    {
      // \`Buffered\`'s \`close()\` ends nothing it opened; a \`Listener\` never listened holds nothing.
      filename,
      code: `
import { Buffered, Listener } from './ownClasses';
export function collect(lines: string[]) {
  const buffered = new Buffered();
  for (const line of lines) buffered.add(line);
  const listener = new Listener();
  console.log(listener);
  return buffered.close();
}
`,
    },
    {
      // \`Countdown\` clears its own interval after its last tick.
      filename,
      code: `
import { Countdown } from './ownClasses';
export function remind(onTick: () => void) {
  new Countdown(3, onTick);
}
`,
    },
    {
      // A Redis connection by inheritance, quit in \`finally\`.
      filename,
      code: `
import { Publisher } from './ownClasses';
export async function announce(id: string) {
  const pub = new Publisher();
  try {
    await pub.publishJob(id);
  } finally {
    await pub.quit();
  }
}
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { Cache } from './ownClasses';
export async function lookup(key: string) {
  const cache = new Cache('localhost');
  return cache.get(key);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "new Cache('localhost')", label: 'a Cache (its `quit()` ends a Redis connection)', handle: 'cache' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 39,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`lookup()`' }, output: `
import { Cache } from './ownClasses';
export async function lookup(key: string, signal?: AbortSignal) {
  const cache = new Cache('localhost');
  if (signal?.aborted) void cache.quit();
  else signal?.addEventListener('abort', () => void cache.quit(), { once: true });
  return cache.get(key);
}
` }],
        },
      ],
    },
    {
      filename,
      code: `
import { Listener } from './ownClasses';
export class Service {
  private listener: Listener | undefined;
  start(port: number) {
    this.listener = new Listener();
    this.listener.listen(port);
  }
  stop() {
    console.log('stopped');
  }
}
`,
      output: `
import { Listener } from './ownClasses';
export class Service {
  private listener: Listener | undefined;
  start(port: number) {
    this.listener = new Listener();
    this.listener.listen(port);
  }
  stop() {
    console.log('stopped');
    this.listener?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Listener()', member: 'this.listener', teardown: 'stop' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 35,
        },
      ],
    },
    {
      // \`connect()\` opens it through a method it runs; \`disconnect()\`, its pair, must close it.
      filename,
      code: `
import { Listener } from './ownClasses';
export class Transport {
  private listener: Listener | undefined;
  connect(port: number) {
    this.startServer(port);
  }
  private startServer(port: number) {
    this.listener = new Listener();
    this.listener.listen(port);
  }
  disconnect() {
    console.log('disconnected');
  }
}
`,
      output: `
import { Listener } from './ownClasses';
export class Transport {
  private listener: Listener | undefined;
  connect(port: number) {
    this.startServer(port);
  }
  private startServer(port: number) {
    this.listener = new Listener();
    this.listener.listen(port);
  }
  disconnect() {
    console.log('disconnected');
    this.listener?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Listener()', member: 'this.listener', teardown: 'disconnect' },
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 35,
        },
      ],
    },
    {
      // \`Publisher extends Redis\`: each instance is a Redis connection.
      filename,
      code: `
import { Publisher } from './ownClasses';
export async function announce(id: string) {
  const pub = new Publisher();
  await pub.publishJob(id);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Publisher()', label: 'a Publisher (a Redis connection)', handle: 'pub' },
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`announce()`' },
              output: `
import { Publisher } from './ownClasses';
export async function announce(id: string, signal?: AbortSignal) {
  const pub = new Publisher();
  if (signal?.aborted) void pub.quit();
  else signal?.addEventListener('abort', () => void pub.quit(), { once: true });
  await pub.publishJob(id);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

const commonjs = path.join(fixturesDir, 'commonjs', 'job.js');

javascriptRuleTester.run('no-leaked-subscription: an instance of a class required from a file of ours (JavaScript)', rule, {
  valid: [
    {
      // Ended when the caller's signal aborts.
      filename: commonjs,
      code: `
const Ticker = require('./ticker');
function watch(ms, onTick, signal) {
  const ticker = new Ticker(ms, onTick);
  signal.addEventListener('abort', () => ticker.stop());
}
module.exports = { watch };
`,
    },
    {
      // Handed to the caller.
      filename: commonjs,
      code: `
const Ticker = require('./ticker');
module.exports = (ms, onTick) => new Ticker(ms, onTick);
`,
    },
  ],
  invalid: [
    {
      // module.exports = Ticker, which sets an interval in its constructor and clears it in stop().
      filename: commonjs,
      code: `
const Ticker = require('./ticker');
function watch(ms, onTick) {
  new Ticker(ms, onTick);
}
module.exports = { watch };
`,
      errors: [
        {
          messageId: 'connectionDropped',
          data: { code: 'new Ticker(ms, onTick)', label: 'a Ticker (its `stop()` ends an interval)' },
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 25,
        },
      ],
    },
    {
      // TypeScript's CommonJS output: \`exports.default = Ticker\`, made as \`new ticker_1.default()\`; its close() ends what start() sets.
      filename: commonjs,
      code: `
const ticker_1 = require('./compiled');
class Job {
  run(onTick) {
    this.ticker = new ticker_1.default();
    this.ticker.start(1000, onTick);
  }
  stop() {}
}
module.exports = Job;
`,
      output: `
const ticker_1 = require('./compiled');
class Job {
  run(onTick) {
    this.ticker = new ticker_1.default();
    this.ticker.start(1000, onTick);
  }
  stop() {
    this.ticker?.close();
  }
}
module.exports = Job;
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new ticker_1.default()', member: 'this.ticker', teardown: 'stop' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 41,
        },
      ],
    },
    {
      // \`__importDefault(require('./compiled'))\`, TypeScript's CommonJS output for a default import.
      filename: commonjs,
      code: `
const compiled_1 = __importDefault(require('./compiled'));
function tick(onTick) {
  const ticker = new compiled_1.default();
  ticker.start(1000, onTick);
}
module.exports = { tick };
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new compiled_1.default()', label: 'a Ticker (its `close()` ends an interval)', handle: 'ticker' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`tick()`' },
              output: `
const compiled_1 = __importDefault(require('./compiled'));
function tick(onTick, signal) {
  const ticker = new compiled_1.default();
  ticker.start(1000, onTick);
  if (signal?.aborted) ticker.close();
  else signal?.addEventListener('abort', () => ticker.close(), { once: true });
}
module.exports = { tick };
`,
            },
          ],
        },
      ],
    },
    {
      // Server's listen() opens a TCP server inside a promise's executor; close() closes it.
      filename: commonjs,
      code: `
const Server = require('./server');
async function serve(port) {
  const server = new Server();
  await server.listen(port);
}
module.exports = { serve };
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Server()', label: 'a Server (its `close()` ends a TCP server)', handle: 'server' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`serve()`' },
              output: `
const Server = require('./server');
async function serve(port, signal) {
  const server = new Server();
  if (signal?.aborted) server.close();
  else signal?.addEventListener('abort', () => server.close(), { once: true });
  await server.listen(port);
}
module.exports = { serve };
`,
            },
          ],
        },
      ],
    },
  ],
});
