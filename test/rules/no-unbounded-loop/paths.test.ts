import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// Spins and ways out are judged on the paths round the loop (ESLint's code path analysis), not on
// what the `catch` block itself contains.
runInBothModes('no-unbounded-loop: paths round the loop', rule, {
  valid: [
    // A sleep after the try/catch: every path from the catch back round pauses.
    `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(step: () => Promise<boolean>) {
  while (true) {
    try {
      if (await step()) return;
    } catch (error) {
      console.warn('step failed', error);
    }
    await sleep(1000);
  }
}
`,
    // A deadline check further down the body: the loop ends once it is past.
    `
export async function connectWithin(connect: () => Promise<void>, deadline: number) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      console.warn('connect failed', error);
    }
    if (Date.now() > deadline) throw new Error('gave up connecting');
  }
}
`,
    // Every path from the catch passes a signal check: one in the branch that goes round at once, one further down.
    `
export async function pump(signal: AbortSignal, read: () => Promise<string>, isFatal: (error: unknown) => boolean) {
  while (true) {
    try {
      await read();
    } catch (error) {
      if (isFatal(error)) {
        signal.throwIfAborted();
        continue;
      }
      console.warn(error);
    }
    if (signal.aborted) return;
  }
}
`,
    // A signal check on every path round the loop is its way out.
    `
export async function heartbeat(signal: AbortSignal, beat: () => Promise<void>) {
  while (true) {
    signal.throwIfAborted();
    await beat();
  }
}
`,
    // A \`continue\` to an outer loop leaves this one.
    `
export async function scan(signal: AbortSignal, shards: string[], read: (shard: string) => Promise<string | undefined>) {
  outer: for (const shard of shards) {
    while (true) {
      const line = await read(shard);
      if (line === undefined) continue outer;
      console.log(line);
    }
  }
}
`,
    // A catch inside a finite inner loop goes round that loop, not the endless one, which pauses.
    `
import { setTimeout as sleep } from 'node:timers/promises';
export async function flush(signal: AbortSignal, items: string[], send: (item: string) => Promise<void>) {
  while (true) {
    for (const item of items) {
      try {
        await send(item);
      } catch (error) {
        console.warn('send failed', error);
      }
    }
    await sleep(1000, undefined, { signal });
  }
}
`,
    // Pauses written by hand or by a helper whose body the rule reads.
    `
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function backoff(attempt: number) {
  await delay(2 ** attempt * 100);
}
export async function retry(signal: AbortSignal, attempt: () => Promise<void>) {
  let failures = 0;
  while (!signal.aborted) {
    await attempt();
  }
  while (true) {
    try {
      await attempt();
      return;
    } catch {
      failures++;
    }
    await backoff(failures);
  }
}
`,
    // Waits of other kinds: for an event, from the delay package, promisify(setTimeout), a finally
    // that sleeps, and a helper from a package the rule cannot read, named as a backoff.
    `
import { once } from 'node:events';
import type { EventEmitter } from 'node:events';
import { promisify } from 'node:util';
import delay from 'delay';
import { exponentialBackoff } from 'some-retry-lib';
const pause = promisify(setTimeout);
export async function reconnect1(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      await new Promise((resolve) => bus.once('ready', resolve));
    }
  }
}
export async function reconnect2(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      await once(bus, 'ready');
    }
  }
}
export async function reconnect3(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      await delay(1000);
    }
  }
}
export async function reconnect4(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      await pause(1000);
    }
  }
}
export async function reconnect5(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      console.warn('connect failed');
    } finally {
      await delay(100);
    }
  }
}
export async function reconnect6(bus: EventEmitter, connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch {
      await exponentialBackoff();
    }
  }
}
`,
  ],
  invalid: [
    {
      // The continue in the catch jumps over the signal check: once aborted or closed, it spins.
      code: `
export async function consume(signal: AbortSignal, read: () => Promise<string>, handle: (line: string) => void) {
  while (true) {
    let line: string;
    try {
      line = await read();
    } catch (error) {
      console.warn('read failed', error);
      continue;
    }
    if (signal.aborted) break;
    handle(line);
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'rethrowWhenAborted',
              data: { signal: 'signal' },
              output: `
export async function consume(signal: AbortSignal, read: () => Promise<string>, handle: (line: string) => void) {
  while (true) {
    let line: string;
    try {
      line = await read();
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn('read failed', error);
      continue;
    }
    if (signal.aborted) break;
    handle(line);
  }
}
`,
            },
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
export async function consume(signal: AbortSignal, read: () => Promise<string>, handle: (line: string) => void) {
  while (true) {
    let line: string;
    try {
      line = await read();
    } catch (error) {
      console.warn('read failed', error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      continue;
    }
    if (signal.aborted) break;
    handle(line);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // The catch sleeps on one branch only: the other goes round at once.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function subscribe(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (error instanceof TypeError) {
        await sleep(1000);
      }
      console.warn('connect failed', error);
    }
  }
}
`,
      errors: [
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
import { setTimeout as sleep } from 'node:timers/promises';
export async function subscribe(connect: () => Promise<void>) {
  while (true) {
    try {
      await connect();
      return;
    } catch (error) {
      if (error instanceof TypeError) {
        await sleep(1000);
      }
      console.warn('connect failed', error);
      await sleep(1000);
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
      // Awaiting something that is not a wait does not pause: a helper whose body the rule reads
      // reconnects at once, and a promise settled at once.
      code: `
export async function receive(client: { connect(): Promise<void>; read(): Promise<string> }) {
  async function reconnect() {
    await client.connect();
  }
  while (true) {
    try {
      return await client.read();
    } catch {
      await reconnect();
    }
  }
}
export async function poll(client: { read(): Promise<string> }) {
  for (;;) {
    try {
      return await client.read();
    } catch {
      await new Promise<void>((resolve) => resolve());
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 9,
          column: 7,
          endLine: 9,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
export async function receive(client: { connect(): Promise<void>; read(): Promise<string> }) {
  async function reconnect() {
    await client.connect();
  }
  while (true) {
    try {
      return await client.read();
    } catch {
      await reconnect();
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
export async function poll(client: { read(): Promise<string> }) {
  for (;;) {
    try {
      return await client.read();
    } catch {
      await new Promise<void>((resolve) => resolve());
    }
  }
}
`,
            },
          ],
        },
        {
          messageId: 'spinningCatch',
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
export async function receive(client: { connect(): Promise<void>; read(): Promise<string> }) {
  async function reconnect() {
    await client.connect();
  }
  while (true) {
    try {
      return await client.read();
    } catch {
      await reconnect();
    }
  }
}
export async function poll(client: { read(): Promise<string> }) {
  for (;;) {
    try {
      return await client.read();
    } catch {
      await new Promise<void>((resolve) => resolve());
      await new Promise((resolve) => setTimeout(resolve, 1000));
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
      // A check inside the try only throws into this catch, which swallows it: after an abort it spins too.
      code: `
export async function follow(signal: AbortSignal, read: () => Promise<string>) {
  do {
    try {
      signal.throwIfAborted();
      await read();
    } catch (error) {
      console.warn(error);
    }
  } while (true);
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 7,
          column: 7,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'rethrowWhenAborted',
              data: { signal: 'signal' },
              output: `
export async function follow(signal: AbortSignal, read: () => Promise<string>) {
  do {
    try {
      signal.throwIfAborted();
      await read();
    } catch (error) {
      if (signal.aborted) throw error;
      console.warn(error);
    }
  } while (true);
}
`,
            },
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
export async function follow(signal: AbortSignal, read: () => Promise<string>) {
  do {
    try {
      signal.throwIfAborted();
      await read();
    } catch (error) {
      console.warn(error);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } while (true);
}
`,
            },
          ],
        },
      ],
    },
    {
      // A signal check that a \`continue\` jumps over does not stop the loop.
      code: `
export async function drain(signal: AbortSignal, next: () => Promise<{ url: string } | undefined>) {
  while (true) {
    const job = await next();
    if (!job) continue;
    await fetch(job.url, { signal });
  }
}
`,
      output: `
export async function drain(signal: AbortSignal, next: () => Promise<{ url: string } | undefined>) {
  while (!signal.aborted) {
    const job = await next();
    if (!job) continue;
    await fetch(job.url, { signal });
  }
}
`,
      errors: [
        { messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'next()' }, line: 3, column: 3, endLine: 3, endColumn: 15 },
      ],
    },
    {
      // A throw that the loop's own catch swallows is no way out; an unreachable break is none either.
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function tail(signal: AbortSignal, read: () => Promise<string>) {
  while (true) {
    try {
      const line = await read();
      if (!line) throw new Error('empty read');
    } catch (error) {
      console.warn(error);
      await sleep(1000);
    }
    continue;
    break;
  }
}
`,
      output: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function tail(signal: AbortSignal, read: () => Promise<string>) {
  while (!signal.aborted) {
    try {
      const line = await read();
      if (!line) throw new Error('empty read');
    } catch (error) {
      console.warn(error);
      await sleep(1000, undefined, { signal });
    }
    continue;
    break;
  }
}
`,
      errors: [
        { messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'read()' }, line: 4, column: 3, endLine: 4, endColumn: 15 },
      ],
    },
  ],
});
