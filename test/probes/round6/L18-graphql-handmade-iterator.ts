import { EventEmitter } from 'node:events';

interface Comment { postId: string; body: string }

// The app's pub/sub: one emitter for the process; mutations emit `comment:<postId>`.
export const bus = new EventEmitter();
bus.setMaxListeners(0);

// An async iterator over one event, for graphql-js subscriptions.
function eventIterator<T>(event: string): AsyncIterableIterator<T> {
  const queue: T[] = [];
  const waiting: ((r: IteratorResult<T>) => void)[] = [];
  bus.on(event, (value: T) => {
    const next = waiting.shift();
    if (next) next({ value, done: false });
    else queue.push(value);
  });
  return {
    next() {
      const value = queue.shift();
      if (value !== undefined) return Promise.resolve({ value, done: false });
      return new Promise((resolve) => waiting.push(resolve));
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export const resolvers = {
  Subscription: {
    commentAdded: {
      subscribe: (_: unknown, args: { postId: string }) => eventIterator<Comment>(`comment:${args.postId}`),
    },
  },
};
