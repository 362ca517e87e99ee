import { Redis } from 'ioredis';

/**
 * @param {import('ioredis').Redis} redis
 * @param {(key: string) => void} onExpired
 * @returns {() => Promise<unknown>}
 */
export function watchExpirations(redis, onExpired) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
  return () => sub.quit();
}

const redis = new Redis();
const seen = new Set();
const stop = watchExpirations(redis, (key) => seen.add(key));
setInterval(() => {
  console.log('expired so far', seen.size);
  seen.clear();
}, 60_000);
process.once('SIGTERM', () => {
  void stop().then(() => redis.quit());
});
