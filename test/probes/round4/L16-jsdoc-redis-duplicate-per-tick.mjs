import { Redis } from 'ioredis';

/**
 * @param {import('ioredis').Redis} redis
 * @param {(key: string) => void} onExpired
 */
export function watchExpirations(redis, onExpired) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
}

const redis = new Redis();
const seen = new Set();
setInterval(() => {
  watchExpirations(redis, (key) => seen.add(key));
}, 60_000);
