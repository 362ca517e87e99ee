import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// `globalThis.setInterval` is the global `setInterval` (effect's Runtime keeps the process alive
// with one and clears it when the fiber ends).
runInBothModes('no-leaked-subscription: timers read from the global object', rule, {
  valid: [
    `
export function keep(onTick: () => void) {
  const keepAlive = globalThis.setInterval(onTick, 1000);
  return () => globalThis.clearInterval(keepAlive);
}
`,
    `
export function keep(onTick: () => void, signal: AbortSignal) {
  const keepAlive = globalThis.setInterval(onTick, 1000);
  signal.addEventListener('abort', () => clearInterval(keepAlive), { once: true });
}
`,
  ],
  invalid: [
    {
      code: `
export function keep(onTick: () => void) {
  const keepAlive = globalThis.setInterval(onTick, 1000);
  return keepAlive.hasRef();
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: {
            what: '`globalThis.setInterval(onTick, 1000)` starts an interval',
            why: '`keepAlive` is never cleared, returned or stored, so it outlives each call of `keep()`',
          },
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`keep()`' },
              output: `
export function keep(onTick: () => void, signal?: AbortSignal) {
  const keepAlive = globalThis.setInterval(onTick, 1000);
  signal?.addEventListener('abort', () => clearInterval(keepAlive), { once: true });
  return keepAlive.hasRef();
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: timers read from the global object (JavaScript)', rule, {
  valid: [
    // Removed when the answer comes.
    `
export function password(cb) {
  const onData = (ch) => {
    process.stdin.removeListener('data', onData);
    cb(null, ch);
  };
  process.stdin.on('data', onData);
}
`,
    // A local named `global` is not the global object.
    `
export function keep(global, onTick) {
  global.setInterval(onTick, 1000);
}
`,
  ],
  invalid: [
    {
      // `process.stdin` is a stream of the process: each prompt adds one more reader (pm2's prompt).
      code: `
export function password(cb) {
  let input = '';
  const onData = (ch) => {
    if (ch === '\\n') cb(null, input);
    else input += ch;
  };
  process.stdin.on('data', onData);
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: {
            what: "`process.stdin.on('data', onData)` adds a 'data' listener to `process.stdin`",
            why: 'it is never removed, and `process.stdin` (a global) outlives each call of `password()`',
          },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`password()`' },
              output: `
export function password(cb, signal) {
  let input = '';
  const onData = (ch) => {
    if (ch === '\\n') cb(null, input);
    else input += ch;
  };
  process.stdin.on('data', onData);
  signal?.addEventListener('abort', () => process.stdin.off('data', onData), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
export function keep(onTick) {
  global.setInterval(onTick, 1000);
}
`,
      errors: [
        {
          messageId: 'leakedSubscription',
          data: {
            what: '`global.setInterval(onTick, 1000)` starts an interval',
            why: 'its handle is dropped, so nothing can end it once `keep()` returns',
          },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`keep()`' },
              output: `
export function keep(onTick, signal) {
  const interval = global.setInterval(onTick, 1000);
  signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
