import type { Family } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

/** ioredis: `new Redis()` and `duplicate()` open connections; `subscribe` holds one in subscriber mode until `unsubscribe` or `quit`. */
export const ioredis = {
  name: 'ioredis',
  objects: {
    ioredis: {
      label: 'ioredis client',
      starts: {
        ...emitterListenerStarts,
        subscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'unsubscribe', sameChannelsAgainIsNoop: true },
        psubscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'punsubscribe', sameChannelsAgainIsNoop: true },
        ssubscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'sunsubscribe', sameChannelsAgainIsNoop: true },
        monitor: { kind: 'connection', label: 'a Redis monitor connection' },
        duplicate: { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
      },
      removeListener: emitterRemovals,
      endSubscription: ['unsubscribe', 'punsubscribe', 'sunsubscribe'],
      close: ['quit', 'disconnect', 'end'],
      fixRemoveListener: 'off',
      fixClose: { method: 'quit', returnsPromise: true },
      // Reconnects by itself: everything but 'end' comes again after each network blip.
      events: { again: ['connect', 'ready', 'reconnecting', 'close', 'error', 'wait'], once: ['end'] },
    },
  },
  modules: {
    ioredis: {
      starts: {
        default: { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
        Redis: { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
        Cluster: { kind: 'connection', label: 'a Redis cluster connection', returns: 'ioredis' },
        '*': { kind: 'connection', label: 'a Redis connection', returns: 'ioredis' },
      },
      types: { Redis: 'ioredis', Cluster: 'ioredis', default: 'ioredis' },
    },
  },
  typePackages: { ioredis: 'ioredis' },
  handleEnds: {
    connection: {
      methods: ['quit', 'disconnect', 'end', 'close', 'destroy', 'QUIT'],
      functions: [],
      fix: { kind: 'method', name: 'quit', returnsPromise: true },
    },
  },
} as const satisfies Family;
