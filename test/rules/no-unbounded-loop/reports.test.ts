import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

runInBothModes('no-unbounded-loop: what it reports', rule, {
  valid: [],
  invalid: [
    {
      // The incident's receive loop: endless, and its catch spins once the connection is closed.
      code: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, handle: (msg: string) => Promise<void>) {
  while (true) {
    try {
      const msg = await client.brpop('tasks', 0);
      if (!msg) continue;
      await handle(msg[1]);
    } catch (error) {
      console.warn('receive failed', error);
      continue;
    }
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          data: { head: 'while (true)', awaited: "client.brpop('tasks', 0)" },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`receiveLoop()`' },
              output: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, handle: (msg: string) => Promise<void>, signal?: AbortSignal) {
  while (!signal?.aborted) {
    try {
      const msg = await client.brpop('tasks', 0);
      if (!msg) continue;
      await handle(msg[1]);
    } catch (error) {
      console.warn('receive failed', error);
      continue;
    }
  }
}
`,
            },
          ],
        },
        {
          messageId: 'spinningCatch',
          line: 10,
          column: 7,
          endLine: 10,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, handle: (msg: string) => Promise<void>) {
  while (true) {
    try {
      const msg = await client.brpop('tasks', 0);
      if (!msg) continue;
      await handle(msg[1]);
    } catch (error) {
      console.warn('receive failed', error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // A signal in scope: --fix stops the loop on abort and gives its sleep the signal.
      code: `
import { setTimeout } from 'node:timers/promises';

export async function poll(check: () => Promise<void>, signal: AbortSignal) {
  for (;;) {
    await check();
    await setTimeout(1000);
  }
}
`,
      output: `
import { setTimeout } from 'node:timers/promises';

export async function poll(check: () => Promise<void>, signal: AbortSignal) {
  for (; !signal.aborted; ) {
    await check();
    await setTimeout(1000, undefined, { signal });
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          data: { head: 'for (;;)', awaited: 'check()' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
        },
      ],
    },
    {
      // A flag nothing ever clears is as endless as \`true\`; do … while too.
      code: `
export async function pump(options: { signal: AbortSignal }, next: () => Promise<unknown>) {
  let running = true;
  while (running) {
    await next();
  }
  do {
    await next();
  } while (true);
}
`,
      output: `
export async function pump(options: { signal: AbortSignal }, next: () => Promise<unknown>) {
  let running = true;
  while (running && !options.signal.aborted) {
    await next();
  }
  do {
    await next();
  } while (!options.signal.aborted);
}
`,
      errors: [
        { messageId: 'unboundedLoop', data: { head: 'while (running)', awaited: 'next()' }, line: 4, column: 3, endLine: 4, endColumn: 18 },
        { messageId: 'unboundedLoop', data: { head: 'do … while (true)', awaited: 'next()' }, line: 9, column: 5, endLine: 9, endColumn: 17 },
      ],
    },
    {
      // for await over an endless source with no exit and no signal.
      code: `
import { on } from 'node:events';
import type { EventEmitter } from 'node:events';
import { setInterval } from 'node:timers/promises';

export async function consume(bus: EventEmitter, signal: AbortSignal) {
  for await (const [job] of on(bus, 'job')) {
    console.log(job);
  }
  for await (const tick of setInterval(1000)) {
    console.log(tick);
  }
}
`,
      output: `
import { on } from 'node:events';
import type { EventEmitter } from 'node:events';
import { setInterval } from 'node:timers/promises';

export async function consume(bus: EventEmitter, signal: AbortSignal) {
  for await (const [job] of on(bus, 'job', { signal })) {
    console.log(job);
  }
  for await (const tick of setInterval(1000, undefined, { signal })) {
    console.log(tick);
  }
}
`,
      errors: [
        {
          messageId: 'endlessSource',
          data: { head: "for await (… of on(bus, 'job'))" },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 44,
        },
        {
          messageId: 'endlessSource',
          data: { head: 'for await (… of setInterval(1000))' },
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 46,
        },
      ],
    },
    {
      // The spin, with a signal in scope (the `continue` jumps over its check): rethrow on abort, or wait with the signal.
      code: `
import { setTimeout as wait } from 'node:timers/promises';

export async function drain(signal: AbortSignal, read: () => Promise<string>) {
  while (!signal.aborted) {
    if (Math.random() > 2) break;
  }
  while (true) {
    try {
      await read();
    } catch {
      console.warn('read failed');
      continue;
    }
    if (signal.aborted) return;
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'rethrowWhenAborted',
              data: { signal: 'signal' },
              output: `
import { setTimeout as wait } from 'node:timers/promises';

export async function drain(signal: AbortSignal, read: () => Promise<string>) {
  while (!signal.aborted) {
    if (Math.random() > 2) break;
  }
  while (true) {
    try {
      await read();
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn('read failed');
      continue;
    }
    if (signal.aborted) return;
  }
}
`,
            },
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: ' (cut short when `signal` aborts)' },
              output: `
import { setTimeout as wait } from 'node:timers/promises';

export async function drain(signal: AbortSignal, read: () => Promise<string>) {
  while (!signal.aborted) {
    if (Math.random() > 2) break;
  }
  while (true) {
    try {
      await read();
    } catch {
      console.warn('read failed');
      await wait(1000, undefined, { signal });
      continue;
    }
    if (signal.aborted) return;
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-unbounded-loop: plain JavaScript', rule, {
  valid: [],
  invalid: [
    {
      code: `
'use strict';
const { on } = require('events');
async function listen(emitter) {
  for await (const event of on(emitter, 'data')) {
    try {
      await handle(event);
    } catch (error) {
      console.error(error);
    }
  }
}
module.exports = { listen };
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`listen()`' },
              output: `
'use strict';
const { on } = require('events');
async function listen(emitter, signal) {
  for await (const event of on(emitter, 'data', { signal })) {
    try {
      await handle(event);
    } catch (error) {
      console.error(error);
    }
  }
}
module.exports = { listen };
`,
            },
          ],
        },
      ],
    },
    {
      // A catch in an endless loop reuses an existing CommonJS sleep binding.
      code: `
'use strict';
const { setTimeout: pause } = require('node:timers/promises');
async function pump(next) {
  while (true) {
    try {
      await next();
    } catch (error) {
      console.error(error);
    }
  }
}
module.exports = { pump };
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`pump()`' },
              output: `
'use strict';
const { setTimeout: pause } = require('node:timers/promises');
async function pump(next, signal) {
  while (!signal?.aborted) {
    try {
      await next();
    } catch (error) {
      console.error(error);
    }
  }
}
module.exports = { pump };
`,
            },
          ],
        },
        {
          messageId: 'spinningCatch',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
'use strict';
const { setTimeout: pause } = require('node:timers/promises');
async function pump(next) {
  while (true) {
    try {
      await next();
    } catch (error) {
      console.error(error);
      await pause(1000);
    }
  }
}
module.exports = { pump };
`,
            },
          ],
        },
      ],
    },
  ],
});
