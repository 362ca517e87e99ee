import { on } from 'node:events';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

interface OrderUpdate { id: string; status: string }

// GraphQL subscription `orderUpdated(id)`: graphql-js calls subscribe() once per client subscription
// and return() on the iterator when the client goes away.
async function* orderUpdates(orderId: string): AsyncGenerator<OrderUpdate> {
  const sub = redis.duplicate();
  await sub.subscribe(`order:${orderId}`);
  for await (const [, message] of on(sub, 'message')) {
    yield JSON.parse(message as string) as OrderUpdate;
  }
}

export const resolvers = {
  Subscription: {
    orderUpdated: {
      subscribe: (_root: unknown, args: { id: string }) => orderUpdates(args.id),
      resolve: (payload: OrderUpdate) => payload,
    },
  },
};
