// Round 7: where each leak should be reported (rule, line): the start, or the call of its helper in the
// repeated context. Correct programs (C..) must have no finding.
const sub = ['no-repeated-subscription', 'no-leaked-subscription'];
const loop = ['no-unbounded-loop', 'require-signal-propagation'];
const any = [...sub, ...loop];
export const expected = {
  'L01-socketio-room-psubscribe.ts': { rules: sub, lines: [11, 12] },
  'L02-class-timeout-chain-stop.ts': { rules: sub, lines: [10, 23] },
  'L03-fetch-stream-reader-per-tick.mjs': { rules: any, lines: [7, 8, 21] },
  'L04-readline-per-request.ts': { rules: sub, lines: [8, 9] },
  'L05-rollup-plugin-buildstart-watch.ts': { rules: sub, lines: [9, 10] },
  'L06-node-test-server-per-test.mjs': { rules: sub, lines: [8, 9] },
  'L07-express-middleware-pmessage.ts': { rules: sub, lines: [12, 19] },
  'L08-mqtt-fallback-on-offline.ts': { rules: sub, lines: [14, 15, 16] },
  'L09-react-useeffect-interval.tsx': { rules: sub, lines: [7] },
  'L10-vue-onmounted-window-listener.ts': { rules: sub, lines: [9] },
  'L11-nest-cron-rx-subscribe.ts': { rules: sub, lines: [16, 18] },
  'L12-bull-queue-per-request.ts': { rules: sub, lines: [9] },
  'L13-setmaxlisteners-masked.cjs': { rules: sub, lines: [13] },
  'L14-ws-upstream-per-message.ts': { rules: sub, lines: [10, 11] },
  'L15-fswatch-loop-on-sighup.mjs': { rules: sub, lines: [11, 19] },
  'L16-socketio-async-loop-per-connection.ts': { rules: any, lines: [13, 14] },
  'L17-eventsource-per-tick.ts': { rules: sub, lines: [8, 9] },
  'L18-cron-schedule-per-request.ts': { rules: sub, lines: [13] },
  'L19-custom-element-resizeobserver.ts': { rules: sub, lines: [4, 7] },
  'L20-socketio-client-per-job.cjs': { rules: sub, lines: [8] },
};
