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
 * returns or `terminate()`; one that is sent messages waits for more and never returns. A
 * `MessagePort` with a 'message' listener stays open, and keeps the process alive, until one side
 * of its channel is closed.
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
    messageChannel: {
      label: 'message channel',
      starts: {},
      removeListener: [],
      endSubscription: [],
      close: [],
      properties: { port1: 'messagePort', port2: 'messagePort' },
    },
    messagePort: {
      label: 'message port',
      starts: { ...emitterListenerStarts, addEventListener: { kind: 'listener' } },
      removeListener: [...emitterRemovals, 'removeEventListener'],
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
      fixClose: { method: 'close', returnsPromise: false },
      events: { again: ['message', 'messageerror'], once: ['close'] },
      // While it has 'message' listeners a port refs itself: open, and the process alive, until closed.
      keptOpenBy: { events: ['message'], endedBy: ['close', 'unref'] },
    },
  },
  modules: {
    worker_threads: {
      starts: { Worker: worker },
      objects: { MessageChannel: 'messageChannel' },
      // In a worker, the port to the thread that made it: its 'message's are that thread's requests.
      instances: { parentPort: 'messagePort' },
      types: { Worker: 'worker', MessageChannel: 'messageChannel', MessagePort: 'messagePort' },
    },
  },
  // Node has them as globals too.
  globals: { objects: { MessageChannel: 'messageChannel' } },
} as const satisfies Family;
