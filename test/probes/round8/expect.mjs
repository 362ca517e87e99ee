// Round 8: where each leak should be reported (rule, line): the start, or the call of its helper in the
// repeated context. Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const loop = ['no-unbounded-loop', 'require-signal-propagation'];
export const expected = {
  'L01-kafka-reporter-per-message.ts': { rules: sub, lines: [7, 26] },
  'L02-nats-progress-sub-per-request.mjs': { rules: sub, lines: [11] },
  'L03-amqp-once-error-per-message.cjs': { rules: sub, lines: [10] },
  'L04-graphql-resolver-pg-listen.ts': { rules: sub, lines: [15] },
  'L05-fastify-hook-socket-listener.ts': { rules: sub, lines: [9] },
  'L06-hono-ratelimit-redis-per-request.ts': { rules: sub, lines: [8] },
  'L07-worker-thread-watch-per-message.mjs': { rules: sub, lines: [6, 7] },
  'L08-net-setimmediate-pump.ts': { rules: sub, lines: [8, 13] },
  'L09-retry-loop-ignores-abort.ts': { rules: loop, lines: [5, 12] },
  'L10-for-await-hosts-redis.mjs': { rules: sub, lines: [13] },
  'L11-ioredis-ready-listener.ts': { rules: sub, lines: [13] },
  'L12-socketio-client-on-connect.mjs': { rules: sub, lines: [9] },
  'L13-abort-listener-per-call.ts': { rules: sub, lines: [9] },
  'L14-bullmq-keepalive-agent-per-job.ts': { rules: sub, lines: [5, 20] },
  'L15-tls-cert-check-interval.cjs': { rules: sub, lines: [8] },
  'L16-ffmpeg-per-request.cjs': { rules: sub, lines: [8, 10, 11] },
  'L17-electron-ipc-watch.ts': { rules: sub, lines: [6] },
  'L18-next-route-sse.ts': { rules: sub, lines: [10] },
  'L19-lambda-mongo-client-per-invocation.ts': { rules: sub, lines: [5] },
  'L20-config-reload-bound-listener.ts': { rules: sub, lines: [14] },
};
