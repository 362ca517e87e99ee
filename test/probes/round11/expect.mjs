// Round 11: where each leak should be reported (rule, line): the start (marked // LEAK), the line that makes what it
// starts (the constructor or factory call just above), or the call of its helper in the repeated context (marked
// // LEAK (helper)). Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const any = [...sub, 'no-unbounded-loop', 'require-signal-propagation'];
export const expected = {
  'L01-axios-default-interceptor-per-request.mjs': { rules: sub, lines: [10, 23] },
  'L02-express-router-use-in-route.ts': { rules: sub, lines: [15] },
  'L03-socketio-room-session-per-join.cjs': { rules: sub, lines: [10, 17] },
  'L04-dynamodb-client-per-request.ts': { rules: sub, lines: [8, 12] },
  'L05-hapi-request-error-listener.mjs': { rules: sub, lines: [14] },
  'L06-ws-heartbeat-factory-per-connection.mjs': { rules: sub, lines: [7, 19] },
  'L07-inspector-session-per-request.ts': { rules: sub, lines: [9, 10, 19] },
  'L08-loop-delay-histogram-per-healthcheck.ts': { rules: sub, lines: [8, 9] },
  'L09-cluster-message-listener-per-fork.mjs': { rules: sub, lines: [9, 16, 19] },
  'L10-free-port-probe-per-request.ts': { rules: sub, lines: [6, 8, 18] },
  'L11-kafka-admin-retry-loop.cjs': { rules: sub, lines: [6, 7, 15] },
  'L12-bullmq-flowproducer-per-request.ts': { rules: sub, lines: [9] },
  'L13-cron-job-per-request.ts': { rules: sub, lines: [11] },
  'L14-electron-ipc-listener-per-window.ts': { rules: sub, lines: [7, 19] },
  'L15-eventtarget-bus-per-sse.mjs': { rules: sub, lines: [12] },
  'L16-fs-watch-generator-per-sse.ts': { rules: any, lines: [5, 15] },
  'L17-waitfor-interval-per-job.mjs': { rules: sub, lines: [7, 20] },
  'L18-knex-query-listener-per-request.cjs': { rules: sub, lines: [10] },
  'L19-rxjs-shared-ticker-per-ws-message.ts': { rules: sub, lines: [15] },
  'L20-winston-logger-per-request.ts': { rules: sub, lines: [10, 13, 24] },
};
