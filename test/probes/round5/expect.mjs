// Round 5: where each leak should be reported (rule, line): the start, or the call of its helper in the
// repeated context. Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const loop = ['no-unbounded-loop', 'require-signal-propagation'];
const any = [...sub, ...loop];
export const expected = {
  'L01-ioredis-monitor-per-request.ts': { rules: sub, lines: [10, 11] },
  'L02-ioredis-ssubscribe-per-tick.ts': { rules: sub, lines: [7, 8, 9, 15] },
  'L03-node-redis-duplicate-in-job.ts': { rules: sub, lines: [7, 8, 10, 21] },
  'L04-pg-listen-per-job.ts': { rules: sub, lines: [11, 12, 13, 19] },
  'L05-ws-heartbeat-not-cleared.ts': { rules: sub, lines: [9] },
  'L06-events-on-sse-no-signal.ts': { rules: any, lines: [15] },
  'L07-fswatch-per-request.mjs': { rules: sub, lines: [11] },
  'L08-timers-iterator-per-message.ts': { rules: any, lines: [7, 16] },
  'L09-sigterm-per-job.cjs': { rules: sub, lines: [7, 15] },
  'L10-rx-interval-in-handler.ts': { rules: sub, lines: [10, 11, 12] },
  'L11-signal-any-wrong-one.ts': { rules: any, lines: [9, 11, 18] },
  'L12-xread-loop-catch-logs.mjs': { rules: loop, lines: [8, 10, 17, 18] },
  'L13-poller-started-per-request.ts': { rules: any, lines: [24, 25] },
  'L14-signal-not-passed-to-once.ts': { rules: ['require-signal-propagation'], lines: [5, 9] },
  'L15-signal-not-passed-to-undici.ts': { rules: ['require-signal-propagation'], lines: [9, 13] },
  'L16-abort-listener-per-attempt.mjs': { rules: sub, lines: [10, 21] },
  'L17-worker-eval-per-job.cjs': { rules: sub, lines: [13, 14, 21] },
  'L18-vite-plugin-chokidar.ts': { rules: sub, lines: [9, 10] },
  'L19-perf-observer-per-request.ts': { rules: sub, lines: [7, 10] },
  'L20-diagnostics-channel-per-request.mjs': { rules: sub, lines: [11] },
};
