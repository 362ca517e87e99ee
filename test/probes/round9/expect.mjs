// Round 9: where each leak should be reported (rule, line): the start (marked // LEAK), or the call of its helper in the
// repeated context. Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
export const expected = {
  'L01-kafka-producer-per-request.ts': { rules: sub, lines: [9] },
  'L02-amqp-rpc-consume-per-request.cjs': { rules: sub, lines: [13] },
  'L03-amqp-channel-per-job.mjs': { rules: sub, lines: [7, 13] },
  'L04-http2-session-per-request.ts': { rules: sub, lines: [7, 20] },
  'L05-dgram-statsd-per-tick.mjs': { rules: sub, lines: [5, 11, 12] },
  'L06-grpc-client-per-request.ts': { rules: sub, lines: [9, 16] },
  'L07-knex-per-request.mjs': { rules: sub, lines: [7] },
  'L08-nodemailer-pool-per-send.cjs': { rules: sub, lines: [5, 10] },
  'L09-pino-transport-per-call.ts': { rules: sub, lines: [7, 12] },
  'L10-node-cache-per-request.ts': { rules: sub, lines: [12] },
  'L11-express-use-per-request.mjs': { rules: sub, lines: [8] },
  'L12-socketio-connection-in-route.ts': { rules: sub, lines: [11] },
  'L13-socketio-listener-per-join.mjs': { rules: sub, lines: [8] },
  'L14-stdin-data-per-prompt.cjs': { rules: sub, lines: [4, 10] },
  'L15-shared-worker-listener-per-task.ts': { rules: sub, lines: [10, 19] },
  'L16-unref-interval-per-upload.ts': { rules: sub, lines: [8] },
  'L17-shutdown-abort-listener-per-request.ts': { rules: sub, lines: [9] },
  'L18-s3-client-per-request.ts': { rules: sub, lines: [7] },
  'L19-broadcastchannel-per-request.mjs': { rules: sub, lines: [6] },
  'L20-graphql-tools-resolver-interval.ts': { rules: sub, lines: [9] },
};
