import { Redis } from 'ioredis';

const sub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

function onInvalidate(_channel: string, key: string) {
  localCache.delete(key);
}
const localCache = new Map<string, unknown>();

// Join the invalidation channel when the connection is first ready; ioredis resubscribes by
// itself after a reconnect.
sub.once('ready', () => {
  void sub.subscribe('cache:invalidate');
  sub.on('message', onInvalidate);
});
