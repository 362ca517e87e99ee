import type { CallStart, Family } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const worker: CallStart = {
  kind: 'connection',
  label: 'a worker thread',
  returns: 'worker',
  ends: { methods: ['terminate'], functions: [], fix: { kind: 'method', name: 'terminate', returnsPromise: true } },
  // Its thread exits when its script returns, unless the script listens for messages from us.
  endsByItself: { keptWaitingBy: ['postMessage'], endEvents: ['exit'] },
};

/**
 * Node's worker_threads: a `Worker` runs its script on a thread of its own until the script
 * returns or `terminate()`; one that is sent messages waits for more and never returns.
 */
export const workerThreads = {
  name: 'worker_threads',
  objects: {
    worker: {
      label: 'worker thread',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['terminate'],
      fixRemoveListener: 'off',
      fixClose: { method: 'terminate', returnsPromise: true },
      events: { again: ['message', 'messageerror'], once: ['online', 'exit', 'error'] },
    },
  },
  modules: {
    worker_threads: {
      starts: { Worker: worker },
      types: { Worker: 'worker' },
    },
  },
} as const satisfies Family;
