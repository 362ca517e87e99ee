// Round 6: where each leak should be reported (rule, line): the start, or the call of its helper in the
// repeated context. Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const loop = ['no-unbounded-loop', 'require-signal-propagation'];
const any = [...sub, ...loop];
export const expected = {
  'L01-graphql-resolver-redis-generator.ts': { rules: sub, lines: [11, 12, 20] },
  'L02-bullmq-queueevents-per-request.ts': { rules: sub, lines: [11, 17] },
  'L03-kafkajs-consumer-per-schedule.ts': { rules: sub, lines: [15, 16, 17, 18, 23] },
  'L04-pg-client-per-tick.mjs': { rules: sub, lines: [7, 8, 15] },
  'L05-mongodb-changestream-sse.ts': { rules: sub, lines: [15, 16] },
  'L06-watchfile-per-build.mjs': { rules: sub, lines: [16, 23, 31] },
  'L07-fastify-process-listener.ts': { rules: sub, lines: [9, 18] },
  'L08-koa-upgrade-per-room.mjs': { rules: sub, lines: [15, 23] },
  'L09-class-start-interval-overwritten.ts': { rules: sub, lines: [11, 29] },
  'L10-pipeline-signal-dropped-in-service.ts': { rules: ['require-signal-propagation'], lines: [20] },
  'L11-nats-for-await-per-tick.ts': { rules: any, lines: [8, 9, 18] },
  'L12-amqp-reconnect-spin.cjs': { rules: loop, lines: [20, 21, 22, 23, 24] },
  'L13-once-shared-emitter-per-request.ts': { rules: any, lines: [16, 25] },
  'L14-nest-rx-subscribe-per-request.ts': { rules: sub, lines: [23, 24, 25, 36] },
  'L15-croner-progress-interval.ts': { rules: sub, lines: [12, 18] },
  'L16-ws-client-reconnect-heartbeat.mjs': { rules: sub, lines: [10] },
  'L17-fork-per-job.cjs': { rules: sub, lines: [11, 12, 18] },
  'L18-graphql-handmade-iterator.ts': { rules: sub, lines: [13, 33] },
  'L19-koa-listener-on-shared-cache.ts': { rules: sub, lines: [9] },
  'L20-pg-pool-per-message.ts': { rules: sub, lines: [7, 11, 20] },
};
