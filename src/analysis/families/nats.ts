import type { Family } from './family';

/** nats: `connect()` opens a connection until `close()`/`drain()`; `nc.subscribe(subject)` hands back a Subscription until `unsubscribe()`/`drain()`. */
export const nats = {
  name: 'nats',
  objects: {
    natsConnection: {
      label: 'NATS connection',
      starts: {
        subscribe: {
          kind: 'subscription',
          label: 'a NATS subscription',
          ends: { methods: ['unsubscribe', 'drain'], functions: [], fix: { kind: 'method', name: 'unsubscribe', returnsPromise: false } },
        },
      },
      removeListener: [],
      endSubscription: [],
      close: ['close', 'drain'],
    },
  },
  modules: {
    nats: {
      starts: {
        connect: {
          kind: 'connection',
          label: 'a NATS connection',
          returns: 'natsConnection',
          ends: { methods: ['close', 'drain'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
        },
      },
      types: { NatsConnection: 'natsConnection' },
    },
  },
} as const satisfies Family;
