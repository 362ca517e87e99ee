import type { Family, HandleEnd, ObjectApi } from './family';

const cancel: HandleEnd = { methods: ['cancel'], functions: [], fix: { kind: 'method', name: 'cancel', returnsPromise: true } };
const resign: HandleEnd = { methods: ['resign'], functions: [], fix: { kind: 'method', name: 'resign', returnsPromise: true } };
const revoke: HandleEnd = { methods: ['revoke', 'release'], functions: [], fix: { kind: 'method', name: 'revoke', returnsPromise: true } };

/** What a client and its namespaces start: watchers (through a builder) and leases kept alive by heartbeats. */
const keyspaceStarts = {
  // `lease(ttl)` grants a lease and sends keep-alives for it until `revoke()` or `release()`;
  // with `autoKeepAlive: false` it sends none and expires by its TTL.
  lease: {
    kind: 'connection',
    label: 'an etcd lease',
    ends: revoke,
    unlessWith: { index: 1, property: 'autoKeepAlive', values: [false] },
  },
} as const;

/** `client.watch()` hands back a builder; every builder method but `create()` hands back the builder again. */
const builderReturns = {
  key: 'etcd3WatchBuilder',
  prefix: 'etcd3WatchBuilder',
  inRange: 'etcd3WatchBuilder',
  ignore: 'etcd3WatchBuilder',
  only: 'etcd3WatchBuilder',
  withPreviousKV: 'etcd3WatchBuilder',
  startRevision: 'etcd3WatchBuilder',
} as const;

const keyspace = (label: string, close: readonly string[]): ObjectApi => ({
  label,
  starts: keyspaceStarts,
  returns: { watch: 'etcd3WatchBuilder', namespace: 'etcd3Namespace', election: 'etcd3Election' },
  removeListener: [],
  endSubscription: [],
  close,
});

/**
 * etcd3: `new Etcd3(options)` holds gRPC channels to the cluster until `close()`. Its (and a
 * namespace's) `watch()` builder's `create()` resolves to a `Watcher` that streams changes until
 * `cancel()`; `lease(ttl)` keeps a lease alive with heartbeats until `revoke()` or `release()`;
 * an `election(name)`'s `campaign(value)` holds a lease until `resign()`, its `observe()` resolves
 * to an observer watching the leader key until `cancel()`.
 *
 * ```js
 * this.client = new Etcd3({ hosts }); // ← until this.client.close()
 * const watcher = await client.watch().prefix('services/').create(); // ← until watcher.cancel()
 * const lease = client.lease(10); // ← until lease.revoke()
 * ```
 */
export const etcd3 = {
  name: 'etcd3',
  objects: {
    etcd3Client: keyspace('etcd client', ['close']),
    etcd3Namespace: keyspace('etcd namespace', []),
    etcd3Election: {
      label: 'etcd election',
      starts: {
        // A candidate holds a lease (with its heartbeats) until it resigns.
        campaign: { kind: 'connection', label: 'an etcd election campaign', ends: resign },
        observe: { kind: 'watcher', label: 'an etcd election observer', ends: cancel },
      },
      removeListener: [],
      endSubscription: [],
      close: [],
    },
    etcd3WatchBuilder: {
      label: 'etcd watch builder',
      starts: {
        create: { kind: 'watcher', label: 'an etcd watcher', ends: cancel },
      },
      returns: builderReturns,
      removeListener: [],
      endSubscription: [],
      close: [],
    },
  },
  modules: {
    etcd3: {
      starts: {
        Etcd3: {
          kind: 'connection',
          label: 'an etcd client',
          returns: 'etcd3Client',
          ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
        },
      },
      types: { Etcd3: 'etcd3Client', Namespace: 'etcd3Namespace', WatchBuilder: 'etcd3WatchBuilder', Election: 'etcd3Election' },
    },
  },
} as const satisfies Family;
