import type { Family, MethodStart } from './family';

const iterator: MethodStart = {
  kind: 'subscription',
  label: 'a PubSub iterator',
  ends: { methods: ['return', 'throw'], functions: [], fix: { kind: 'method', name: 'return', returnsPromise: true } },
};

/**
 * GraphQL subscriptions: `pubsub.asyncIterator(trigger)` listens until its `return()` (which a
 * GraphQL server calls when the client goes away, if the resolver hands the iterator back);
 * `pubsub.subscribe(trigger, onMessage)` runs `onMessage` until `unsubscribe(id)`, with the id it
 * hands back (a promise of it before v3).
 * graphql-redis-subscriptions' `RedisPubSub` opens Redis connections until `close()`.
 */
export const graphqlSubscriptions = {
  name: 'GraphQL subscriptions',
  objects: {
    pubsub: {
      label: 'PubSub',
      starts: {
        asyncIterator: iterator,
        asyncIterableIterator: iterator,
        subscribe: { kind: 'channelSubscription', label: 'a PubSub subscription', endedByResult: true },
      },
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
  endlessIterators: [
    {
      // graphql-subscriptions v2 (`asyncIterator`) and v3 (`asyncIterableIterator`), and its Redis engine.
      modules: ['graphql-subscriptions', 'graphql-redis-subscriptions'],
      factories: ['PubSub', 'RedisPubSub'],
      clientTypes: ['PubSub', 'PubSubEngine', 'RedisPubSub'],
      iterators: { asyncIterator: {}, asyncIterableIterator: {} },
      iterableTypes: [],
      ends: ['return'],
      clientEnds: ['close'],
    },
    {
      // GraphQL Yoga: `pubSub.subscribe(topic)` is a Repeater that ends on `return()`.
      modules: ['graphql-yoga', '@graphql-yoga/subscription'],
      factories: ['createPubSub'],
      clientTypes: ['PubSub'],
      iterators: { subscribe: {} },
      iterableTypes: [],
      ends: ['return'],
      clientEnds: [],
    },
  ],
} as const satisfies Family;
