import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A loop that stops on the signal of a controller made in its own function, which nothing ever
// aborts (issue 10, "an AbortController is not a start"): the check is there, but it can never be
// true, so the loop runs for good. No fix: what is missing is an `abort()`, which only the author can place.
const neverStops = (line: number, column: number, endColumn: number, head: string, signal = 'ac.signal', controller = 'ac') => ({
  messageId: 'neverAbortedLoop' as const,
  data: { head, signal, controller },
  line,
  column,
  endLine: line,
  endColumn,
});

runInBothModes('no-unbounded-loop: a signal that nothing aborts', rule, {
  valid: [
    // The controller is aborted on shutdown.
    `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(work: () => Promise<void>, onStop: (f: () => void) => void) {
  const ac = new AbortController();
  onStop(() => ac.abort());
  while (!ac.signal.aborted) {
    await work();
    await sleep(1000, undefined, { signal: ac.signal }).catch(() => undefined);
  }
}
`,
    // The controller is handed back: its caller may abort it.
    `
export function start(work: () => Promise<void>) {
  const ac = new AbortController();
  void (async () => {
    while (!ac.signal.aborted) await work();
  })();
  return ac;
}
`,
    // The signal comes from the caller: whether it aborts is the caller's business.
    `
export async function poll(work: () => Promise<void>, signal: AbortSignal) {
  while (!signal.aborted) await work();
}
`,
    // A POSIX signal name is no AbortSignal: a loop on a flag of its own is not judged here.
    `
export async function relay(child: { kill(s: string): void; alive: boolean }, next: () => Promise<void>, signal = 'SIGTERM') {
  while (child.alive) await next();
  child.kill(signal);
}
`,
  ],
  invalid: [
    {
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(work: () => Promise<void>) {
  const ac = new AbortController();
  while (!ac.signal.aborted) {
    await work();
    await sleep(1000);
  }
}
`,
      output: null,
      errors: [neverStops(5, 3, 29, 'while (!ac.signal.aborted)')],
    },
    {
      // Read through a const, checked with throwIfAborted in a `while (true)`.
      code: `
export async function pump(read: () => Promise<string>, write: (s: string) => void) {
  const ac = new AbortController();
  const signal = ac.signal;
  while (true) {
    signal.throwIfAborted();
    write(await read());
  }
}
`,
      output: null,
      errors: [neverStops(5, 3, 15, 'while (true)', 'signal')],
    },
    {
      // An endless source given the signal of a controller nothing aborts.
      code: `
import { on } from 'node:events';
import type { EventEmitter } from 'node:events';
export async function follow(emitter: EventEmitter, log: (v: unknown) => void) {
  const ac = new AbortController();
  for await (const event of on(emitter, 'data', { signal: ac.signal })) log(event);
}
`,
      output: null,
      errors: [neverStops(6, 3, 72, 'for await (… of on(…))')],
    },
  ],
});
