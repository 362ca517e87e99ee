import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: graphql', rule, {
  valid: [
    // the resolver hands its iterator to the GraphQL server, which returns it (the Apollo docs idiom)
    `
import { PubSub } from 'graphql-subscriptions';

const pubsub = new PubSub();

export const resolvers = {
  Subscription: {
    postCreated: {
      subscribe: () => pubsub.asyncIterator(['POST_CREATED']),
    },
  },
};
`,
    // one RedisPubSub for the server
    `
import { RedisPubSub } from 'graphql-redis-subscriptions';

export const pubsub = new RedisPubSub();

export async function notify(event: string) {
  await pubsub.publish(event, { at: Date.now() });
}
`,
  ],
  invalid: [
    {
      // a PubSub iterator made per call and dropped
      code: `
import { PubSub } from 'graphql-subscriptions';

const pubsub = new PubSub();

export function warmUp() {
  pubsub.asyncIterator('POST_ADDED');
}
`,
      errors: [
        {
          messageId: 'handleDropped',
          data: { label: 'a PubSub iterator', code: "pubsub.asyncIterator('POST_ADDED')" },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`warmUp()`' },
              output: `
import { PubSub } from 'graphql-subscriptions';

const pubsub = new PubSub();

export function warmUp(signal?: AbortSignal) {
  const subscription = pubsub.asyncIterator('POST_ADDED');
  if (signal?.aborted) void subscription.return();
  else signal?.addEventListener('abort', () => void subscription.return(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a RedisPubSub per call, never closed
      code: `
import { RedisPubSub } from 'graphql-redis-subscriptions';

export async function notify(event: string) {
  const pubsub = new RedisPubSub();
  await pubsub.publish(event, { at: Date.now() });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Redis PubSub', handle: 'pubsub', code: 'new RedisPubSub()' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`notify()`' },
              output: `
import { RedisPubSub } from 'graphql-redis-subscriptions';

export async function notify(event: string, signal?: AbortSignal) {
  const pubsub = new RedisPubSub();
  if (signal?.aborted) void pubsub.close();
  else signal?.addEventListener('abort', () => void pubsub.close(), { once: true });
  await pubsub.publish(event, { at: Date.now() });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
