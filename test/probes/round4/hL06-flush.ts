export interface Flushable {
  flush(): Promise<void>;
}

export function scheduleFlush(sink: Flushable, everyMs: number): void {
  setInterval(() => {
    void sink.flush();
  }, everyMs);
}
