import { scheduleFlush, type Flushable } from './hL06-flush.js';

export function startReporter(sink: Flushable, name: string): void {
  console.log(`reporter ${name} started`);
  scheduleFlush(sink, 1000);
}
