import { setTimeout as sleep } from 'node:timers/promises';

const shutdown = new AbortController();
process.once('SIGINT', () => shutdown.abort());

/** Run `task` until it succeeds; cancel the attempt in flight on shutdown. */
async function withRetries(task, signal) {
  for (let attempt = 1; !signal.aborted; attempt++) {
    const attemptCtl = new AbortController();
    signal.addEventListener('abort', () => attemptCtl.abort());
    try {
      return await task(attemptCtl.signal);
    } catch (err) {
      console.warn(`attempt ${attempt} failed`, err);
      await sleep(Math.min(1000 * attempt, 30_000));
    }
  }
}

setInterval(() => {
  void withRetries(async () => {
    if (Math.random() < 0.5) throw new Error('flaky');
    return 'ok';
  }, shutdown.signal);
}, 2000);
