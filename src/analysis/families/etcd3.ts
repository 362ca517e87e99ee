import type { Family } from './family';

/**
 * etcd3: `new Etcd3(options)` holds gRPC channels to the cluster (and its watchers and leases with
 * them) until `close()`.
 *
 * ```js
 * this.client = new Etcd3({ hosts }); // ← until this.client.close()
 * ```
 */
export const etcd3 = {
  name: 'etcd3',
  modules: {
    etcd3: {
      starts: {
        Etcd3: {
          kind: 'connection',
          label: 'an etcd client',
          ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
        },
      },
    },
  },
} as const satisfies Family;
