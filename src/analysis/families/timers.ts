import type { CallStart, Family } from './family';
import { repetitions } from './family';

/**
 * A one-shot timer whose callback runs again the function that armed it: it re-arms itself on every
 * run until its stored id is cleared (`unref()` ends nothing).
 */
const rearmingTimeout: CallStart = {
  kind: 'interval',
  label: 'a self-re-arming timer',
  onlyRearming: true,
  ends: { methods: ['close'], functions: ['clearTimeout', 'clearInterval'], fix: { kind: 'function', name: 'clearTimeout', returnsPromise: false } },
};

/** `setImmediate(pump)` in `pump`: re-arms itself on every turn of the event loop until `clearImmediate`. */
const rearmingImmediate: CallStart = {
  ...rearmingTimeout,
  ends: { methods: [], functions: ['clearImmediate'], fix: { kind: 'function', name: 'clearImmediate', returnsPromise: false } },
};

/**
 * Timers: `setInterval` until `clearInterval`; a self-re-arming `setTimeout` until `clearTimeout`;
 * a self-re-arming `setImmediate` until `clearImmediate`; `timers/promises` takes `{ signal }`.
 *
 * ```js
 * function poll() { work(); timer = setTimeout(poll, 1000); } // ← runs until clearTimeout(timer)
 * ```
 */
export const timers = {
  name: 'timers',
  modules: {
    timers: {
      starts: { setInterval: { kind: 'interval', label: 'an interval' }, setTimeout: rearmingTimeout, setImmediate: rearmingImmediate },
      schedulers: { setInterval: { repetition: repetitions.intervalTick, positions: [0] } },
    },
    'timers/promises': {
      takesSignal: {
        setTimeout: { options: 2, sleep: true },
        setImmediate: { options: 1, sleep: true },
        setInterval: { options: 2, endless: true },
        'scheduler.wait': { options: 1, sleep: true },
      },
    },
    // `import delay from 'delay'; await delay(1000)`
    delay: { pauses: ['default', '*'] },
  },
  globals: {
    starts: { setInterval: { kind: 'interval', label: 'an interval' }, setTimeout: rearmingTimeout, setImmediate: rearmingImmediate },
    schedulers: { setInterval: { repetition: repetitions.intervalTick, positions: [0] } },
    timeouts: ['setTimeout', 'setImmediate'],
    deferrers: ['queueMicrotask', 'process.nextTick', 'requestAnimationFrame'],
    promisifiers: ['promisify'],
  },
  // `import { setTimeout as sleep } from 'node:timers/promises'`
  fixSleep: { module: 'timers/promises', name: 'setTimeout' },
  chainingMethods: ['unref', 'ref'],
  handleEnds: {
    interval: {
      methods: ['close'],
      functions: ['clearInterval', 'clearTimeout'],
      fix: { kind: 'function', name: 'clearInterval', returnsPromise: false },
    },
  },
} as const satisfies Family;
