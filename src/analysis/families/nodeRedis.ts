import type { Family } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

/** node-redis v4+: `createClient()` and `duplicate()` open connections; `subscribe(channel, listener)` until `unsubscribe` or `quit`. */
export const nodeRedis = {
  name: 'node-redis',
  objects: {
    nodeRedis: {
      label: 'node-redis client',
      starts: {
        ...emitterListenerStarts,
        subscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'unsubscribe' },
        pSubscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'pUnsubscribe' },
        sSubscribe: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'sUnsubscribe' },
        SUBSCRIBE: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'UNSUBSCRIBE' },
        PSUBSCRIBE: { kind: 'channelSubscription', label: 'a Redis subscription', subscribesTo: 'Redis channels', endWith: 'PUNSUBSCRIBE' },
        duplicate: { kind: 'connection', label: 'a Redis connection', returns: 'nodeRedis' },
      },
      removeListener: emitterRemovals,
      endSubscription: ['unsubscribe', 'pUnsubscribe', 'sUnsubscribe', 'UNSUBSCRIBE', 'PUNSUBSCRIBE'],
      close: ['quit', 'QUIT', 'close', 'destroy', 'disconnect'],
      fixRemoveListener: 'off',
      fixClose: { method: 'quit', returnsPromise: true },
      // Reconnects by itself: its connection events come again after each network blip.
      events: { again: ['connect', 'ready', 'reconnecting', 'error'], once: ['end'] },
    },
  },
  modules: {
    redis: {
      starts: {
        createClient: { kind: 'connection', label: 'a Redis connection', returns: 'nodeRedis' },
        createCluster: { kind: 'connection', label: 'a Redis cluster connection', returns: 'nodeRedis' },
      },
      types: { RedisClientType: 'nodeRedis', RedisClusterType: 'nodeRedis' },
    },
    '@redis/client': {
      starts: { createClient: { kind: 'connection', label: 'a Redis connection', returns: 'nodeRedis' } },
      types: { RedisClientType: 'nodeRedis' },
    },
  },
  typePackages: { '@redis/client': 'nodeRedis', redis: 'nodeRedis' },
} as const satisfies Family;
