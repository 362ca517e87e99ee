// Round 4: where each leak should be reported (rule, line). Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const loop = ['no-unbounded-loop', 'require-signal-propagation'];
export const expected = {
  'L01-nest-init-duplicate.ts': { rules: sub, lines: [10, 11, 12] },
  'L02-react-class-resize.tsx': { rules: sub, lines: [16] },
  'L03-lit-bind-mismatch.ts': { rules: sub, lines: [14] },
  'L04-vue-onmounted-interval.ts': { rules: sub, lines: [9] },
  'L05-rx-ngoninit-missing-takeuntil.ts': { rules: sub, lines: [19, 20, 21] },
  'L06-job-reporter-two-files.ts': { rules: sub, lines: [14] },
  'L07-socketio-bus-listener.ts': { rules: sub, lines: [9] },
  'L08-kafka-heartbeat-interval.ts': { rules: sub, lines: [15] },
  'L09-fswatch-signal-dropped.mjs': { rules: loop, lines: [10, 11, 13] },
  'L10-signal-dropped-middle.ts': { rules: ['require-signal-propagation'], lines: [15] },
  'L11-undici-longpoll-spin.mjs': { rules: ['no-unbounded-loop'], lines: [9, 18] },
  'L12-signal-any-not-passed.ts': { rules: ['require-signal-propagation'], lines: [6] },
  'L13-spawn-tail-per-request.cjs': { rules: sub, lines: [8, 9] },
  'L14-chokidar-returned-dropped.ts': { rules: sub, lines: [16] },
  'L15-socketio-rearm-quote.ts': { rules: sub, lines: [15, 17] },
  'L16-jsdoc-redis-duplicate-per-tick.mjs': { rules: sub, lines: [8, 9, 10, 16] },
  'L17-undici-pool-per-request.ts': { rules: sub, lines: [7] },
  'L18-graphql-ws-client-per-request.ts': { rules: sub, lines: [9, 10] },
};
