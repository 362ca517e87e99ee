import type { Family, MethodStart } from './family';

const iterator: MethodStart = {
  kind: 'subscription',
  label: 'a PubSub iterator',
  ends: { methods: ['return', 'throw'], functions: [], fix: { kind: 'method', name: 'return', returnsPromise: true } },
};

/**
 * GraphQL subscriptions: `pubsub.asyncIterator(trigger)` listens until its `return()` (which a
 * GraphQL server calls when the client goes away, if the resolver hands the iterator back).
 * graphql-redis-subscriptions' `RedisPubSub` opens Redis connections until `close()`.
 */
export const graphqlSubscriptions = {
  name: 'GraphQL subscriptions',
  objects: {
    pubsub: {
      label: 'PubSub',
      starts: { asyncIterator: iterator, asyncIterableIterator: iterator },
      removeListener: [],
      endSubscription: ['unsubscribe'],
      close: ['close'],
    },
  },
  modules: {
    'graphql-subscriptions': {
      objects: { PubSub: 'pubsub' },
      types: { PubSub: 'pubsub', PubSubEngine: 'pubsub' },
    },
    'graphql-redis-subscriptions': {
      starts: {
        RedisPubSub: {
          kind: 'connection',
          label: 'a Redis PubSub',
          returns: 'pubsub',
          ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
        },
      },
      types: { RedisPubSub: 'pubsub' },
    },
  },
} as const satisfies Family;
