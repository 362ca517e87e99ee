import { scheduleFlush, type Flushable } from './hC06-flush.js';

export function startReporter(sink: Flushable, name: string): () => void {
  console.log(`reporter ${name} started`);
  const stop = scheduleFlush(sink, 1000);
  return () => {
    stop();
    void sink.flush();
  };
}
