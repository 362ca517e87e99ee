export interface Flushable {
  flush(): Promise<void>;
}

export function scheduleFlush(sink: Flushable, everyMs: number): () => void {
  const timer = setInterval(() => {
    void sink.flush();
  }, everyMs);
  return () => clearInterval(timer);
}
