import type { Family } from './family';
import { repetitions } from './family';

/** Timers: `setInterval` until `clearInterval`; `timers/promises` takes `{ signal }`. */
export const timers = {
  name: 'timers',
  modules: {
    timers: {
      starts: { setInterval: { kind: 'interval', label: 'an interval' } },
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
    starts: { setInterval: { kind: 'interval', label: 'an interval' } },
    schedulers: { setInterval: { repetition: repetitions.intervalTick, positions: [0] } },
    timeouts: ['setTimeout'],
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
