import type { Family, ModuleFacts } from './family';

const natsModule: ModuleFacts = {
  starts: {
    connect: {
      kind: 'connection',
      label: 'a NATS connection',
      returns: 'natsConnection',
      ends: { methods: ['close', 'drain'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
    },
  },
  types: { NatsConnection: 'natsConnection' },
};

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
          // Ended by nats itself: after its one message, or by the timeout if none comes (the first
          // message cancels the timeout, so `max` above one, or alone, may wait forever).
          unlessWith: { index: 1, property: 'max', values: [1], and: { index: 1, property: 'timeout' } },
          ends: { methods: ['unsubscribe', 'drain'], functions: [], fix: { kind: 'method', name: 'unsubscribe', returnsPromise: false } },
        },
      },
      removeListener: [],
      endSubscription: [],
      close: ['close', 'drain'],
    },
  },
  modules: {
    nats: natsModule,
    // nats.js v3 for Node.
    '@nats-io/transport-node': natsModule,
  },
  endlessIterators: [
    {
      // nats.js v2 and v3: a subscription is an async iterable until unsubscribed or drained.
      modules: ['nats', 'nats.ws', '@nats-io/transport-node', '@nats-io/nats-core'],
      factories: ['connect', 'wsconnect'],
      clientTypes: ['NatsConnection'],
      // `max` ends the subscription after that many messages; `timeout` only fails one that gets
      // no first message in time (its timer is cancelled by the first), so alone it ends nothing.
      iterators: { subscribe: { finiteOptions: ['max'] } },
      iterableTypes: ['Subscription'],
      ends: ['unsubscribe', 'drain'],
      clientEnds: ['close', 'drain'],
    },
  ],
} as const satisfies Family;
