// Round 10: where each leak should be reported (rule, line): the start (marked // LEAK), or the call of its helper in the
// repeated context (marked // LEAK (helper)). Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
export const expected = {
  'L01-mysql2-pool-per-request.ts': { rules: sub, lines: [7, 11] },
  'L02-mongoose-connection-per-request.ts': { rules: sub, lines: [11] },
  'L03-puppeteer-browser-per-request.mjs': { rules: sub, lines: [7, 16] },
  'L04-sequelize-per-cron-tick.cjs': { rules: sub, lines: [5, 9] },
  'L05-axios-interceptor-per-request.mjs': { rules: sub, lines: [8, 16] },
  'L06-agenda-per-call.ts': { rules: sub, lines: [6, 19] },
  'L07-mqtt-message-on-connect.ts': { rules: sub, lines: [8] },
  'L08-process-exit-per-spawn.cjs': { rules: sub, lines: [8, 14] },
  'L09-pubsub-subscribe-per-sse.ts': { rules: sub, lines: [9] },
  'L10-hapi-server-event-per-request.ts': { rules: sub, lines: [10] },
  'L11-nest-bus-listener-per-request.ts': { rules: sub, lines: [13, 26] },
  'L12-async-generator-redis-sse.ts': { rules: sub, lines: [8, 24] },
  'L13-express-use-in-route.cjs': { rules: sub, lines: [9] },
  'L14-socketio-helper-per-join.mjs': { rules: sub, lines: [6, 12] },
  'L15-sqs-client-per-poll.ts': { rules: sub, lines: [4, 13] },
  'L16-node-redis-client-then-chain.mjs': { rules: sub, lines: [6] },
  'L17-messagechannel-per-request.ts': { rules: sub, lines: [8] },
  'L18-class-field-listener-per-ws.ts': { rules: sub, lines: [13, 23] },
  'L19-bull-reporter-factory-per-job.ts': { rules: sub, lines: [8, 23] },
  'L20-eventsource-reconnect-on-error.mjs': { rules: sub, lines: [6, 9] },
};
