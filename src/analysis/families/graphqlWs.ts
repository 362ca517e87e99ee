import type { Family, HandleEnd } from './family';

/** `client.subscribe(payload, sink)` hands back the function that ends the subscription. */
const disposer: HandleEnd = { methods: [], functions: [], fix: { kind: 'call', name: '', returnsPromise: false } };

/**
 * graphql-ws's client: `createClient(options)` connects lazily (by default), and keeps its socket
 * open for as long as a subscription is live; `client.subscribe(payload, sink)` runs until the
 * server completes it or the function it returns is called, and a GraphQL subscription
 * (`subscription { orderCreated }`) never completes by itself. `dispose()`/`terminate()` close it all.
 *
 * ```ts
 * const client = createClient({ url });
 * const unsubscribe = client.subscribe({ query }, sink); // ← until unsubscribe()
 * ```
 */
export const graphqlWs = {
  name: 'graphql-ws',
  objects: {
    graphqlWsClient: {
      label: 'graphql-ws client',
      starts: { subscribe: { kind: 'subscription', label: 'a GraphQL subscription', ends: disposer, keepsTargetOpen: true } },
      removeListener: [],
      endSubscription: [],
      close: ['dispose', 'terminate'],
    },
  },
  modules: {
    'graphql-ws': {
      objects: { createClient: 'graphqlWsClient' },
      types: { Client: 'graphqlWsClient' },
    },
  },
} as const satisfies Family;
