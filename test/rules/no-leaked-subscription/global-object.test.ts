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
          messageId: 'handleNotEnded',
          data: { code: 'globalThis.setInterval(onTick, 1000)', label: 'an interval', handle: 'keepAlive', ended: 'cleared' },
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
  if (signal?.aborted) clearInterval(keepAlive);
  else signal?.addEventListener('abort', () => clearInterval(keepAlive), { once: true });
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
          messageId: 'listenerNotRemoved',
          data: { code: "process.stdin.on('data', onData)", label: "a 'data' listener", target: 'process.stdin', outlives: 'a global' },
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
  if (signal?.aborted) process.stdin.off('data', onData);
  else signal?.addEventListener('abort', () => process.stdin.off('data', onData), { once: true });
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
          messageId: 'handleDropped',
          data: { code: 'global.setInterval(onTick, 1000)', label: 'an interval' },
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
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
