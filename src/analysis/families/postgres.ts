import type { Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const end: HandleEnd = { methods: ['end'], functions: [], fix: { kind: 'method', name: 'end', returnsPromise: true } };

/**
 * pg and pg-listen: `new Client()`/`new Pool()` open connections until `end()`, `pool.connect()`
 * checks one out until `release()`, and `LISTEN` keeps a client's notifications coming until
 * `UNLISTEN` or the client ends.
 */
export const postgres = {
  name: 'PostgreSQL',
  objects: {
    pgPool: {
      label: 'PostgreSQL pool',
      starts: {
        ...emitterListenerStarts,
        connect: {
          kind: 'connection',
          label: 'a pooled PostgreSQL client',
          returns: 'pgClient',
          ends: { methods: ['release'], functions: [], fix: { kind: 'method', name: 'release', returnsPromise: false } },
        },
      },
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['end'],
      fixRemoveListener: 'off',
    },
    pgClient: {
      label: 'PostgreSQL client',
      starts: {
        ...emitterListenerStarts,
        query: { kind: 'channelSubscription', label: 'a PostgreSQL LISTEN', firstArgument: /^\s*LISTEN\s/i },
      },
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['end', 'release'],
      fixRemoveListener: 'off',
    },
    pgListenSubscriber: {
      label: 'pg-listen subscriber',
      starts: {
        listenTo: { kind: 'channelSubscription', label: 'a PostgreSQL LISTEN', subscribesTo: 'PostgreSQL channels', endWith: 'unlistenTo' },
      },
      removeListener: [],
      endSubscription: ['unlistenTo', 'unlistenAll'],
      close: ['close'],
    },
  },
  modules: {
    pg: {
      starts: {
        Client: { kind: 'connection', label: 'a PostgreSQL client', returns: 'pgClient', ends: end },
        Pool: { kind: 'connection', label: 'a PostgreSQL pool', returns: 'pgPool', ends: end },
      },
      types: { Client: 'pgClient', PoolClient: 'pgClient', Pool: 'pgPool' },
    },
    'pg-listen': {
      starts: {
        default: {
          kind: 'connection',
          label: 'a pg-listen subscriber',
          returns: 'pgListenSubscriber',
          ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
        },
      },
      types: { Subscriber: 'pgListenSubscriber' },
    },
  },
} as const satisfies Family;
