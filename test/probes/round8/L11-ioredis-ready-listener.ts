import { Redis } from 'ioredis';

const sub = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

function onInvalidate(_channel: string, key: string) {
  localCache.delete(key);
}
const localCache = new Map<string, unknown>();

// (Re)join the invalidation channel whenever the connection is (re)established.
sub.on('ready', () => {
  void sub.subscribe('cache:invalidate');
  sub.on('message', onInvalidate);
});
