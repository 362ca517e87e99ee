import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-unbounded-loop: correct idioms', rule, {
  valid: [
    // Guarded by a signal.
    `
export async function run(signal: AbortSignal, step: () => Promise<void>) {
  while (!signal.aborted) {
    await step();
  }
  for (; !signal.aborted; ) {
    await step();
  }
}
`,
    // Guarded by a closing flag that something else clears.
    `
let stopped = false;
export function stop() {
  stopped = true;
}
export async function loop(step: () => Promise<void>) {
  while (!stopped) {
    await step();
  }
}
`,
    // bullmq / kafkajs-style workers: the loop checks this.closing / this.running.
    `
export class Worker {
  private closing = false;
  private running = true;
  async run(next: () => Promise<unknown>) {
    while (!this.closing) {
      await next();
    }
    while (true) {
      if (this.closing) break;
      await next();
    }
    while (this.running) {
      await next();
    }
  }
  close() {
    this.closing = true;
    this.running = false;
  }
}
`,
    // A reachable break or return on the awaited value.
    `
export async function readAll(read: () => Promise<string | null>) {
  const lines: string[] = [];
  while (true) {
    const line = await read();
    if (line === null) break;
    lines.push(line);
  }
  for (;;) {
    const { done, value } = await (async () => ({ done: true, value: 1 }))();
    if (done) return lines;
    lines.push(String(value));
  }
}
`,
    // A labelled break out of the outer loop.
    `
export async function scan(next: () => Promise<number>) {
  outer: while (true) {
    for (const item of [1, 2]) {
      if ((await next()) === item) break outer;
    }
  }
}
`,
    // The only await is a sleep that takes the signal: aborting throws out of the loop.
    `
import { setTimeout } from 'node:timers/promises';
export async function heartbeat(signal: AbortSignal, beat: () => void) {
  while (true) {
    beat();
    await setTimeout(1000, undefined, { signal });
  }
}
`,
    // Module scope in an entry script, stopped by a process-level flag.
    `
let shuttingDown = false;
process.once('SIGTERM', () => {
  shuttingDown = true;
});
while (!shuttingDown) {
  await Promise.resolve();
}
`,
    // Generators: the consumer controls them.
    `
export function* ids() {
  let id = 0;
  while (true) yield id++;
}
export async function* ticks(next: () => Promise<number>) {
  while (true) {
    yield await next();
  }
}
`,
    // Endless sources given a signal, or left by a break; finite sources.
    `
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
  for await (const [job] of on(bus, 'job')) {
    if (job === 'last') break;
  }
  for await (const item of [Promise.resolve(1)]) {
    console.log(item);
  }
}
`,
    // Catches that rethrow, wait, or check the signal do not spin; a finite loop never spins.
    `
import { setTimeout as sleep } from 'node:timers/promises';
export async function retry(signal: AbortSignal, attempt: () => Promise<void>) {
  while (true) {
    try {
      await attempt();
      return;
    } catch (error) {
      if (signal.aborted) throw error;
      await sleep(1000, undefined, { signal });
    }
  }
}
export async function tryThree(attempt: () => Promise<void>) {
  for (let i = 0; i < 3; i++) {
    try {
      await attempt();
    } catch {
      continue;
    }
  }
}
`,
    // From the corpus (kafkajs worker): a loop that drains a queue, whose catch hands the error on.
    `
export async function drain(next: () => { batch: unknown; resolve(): void; reject(error: unknown): void } | undefined, handler: (batch: unknown) => Promise<void>) {
  while (true) {
    const item = next();
    if (!item) break;
    try {
      await handler(item.batch);
      item.resolve();
    } catch (error) {
      item.reject(error);
    }
  }
}
`,
    // A synchronous loop is not an await loop.
    `
export function spinUntil(ready: () => boolean) {
  while (true) {
    if (ready()) break;
  }
}
`,
  ],
  invalid: [],
});
