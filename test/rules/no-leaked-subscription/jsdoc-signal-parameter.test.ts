import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// JavaScript whose JSDoc lists a function's parameters: TypeScript (`checkJs`) takes a parameter
// the `@param` tags leave out as required, so a signal parameter added without its own tag would
// break every caller that does not pass one. The suggestion documents it as optional; it leaves a
// comment that documents no parameter alone, and adds nothing to a function a `@type` gives its
// whole type.
const documentedHelper = `
import { Redis } from 'ioredis';

/**
 * Calls \`onExpired\` with each key that expires.
 * @param {import('ioredis').Redis} redis
 * @param {(key: string) => void} onExpired
 * @returns {void}
 */
export function watchExpirations(redis, onExpired) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
}

const redis = new Redis();
setInterval(() => watchExpirations(redis, (key) => console.log(key)), 60_000);
`;

const documentedHelperFixed = `
import { Redis } from 'ioredis';

/**
 * Calls \`onExpired\` with each key that expires.
 * @param {import('ioredis').Redis} redis
 * @param {(key: string) => void} onExpired
 * @param {AbortSignal} [signal]
 * @returns {void}
 */
export function watchExpirations(redis, onExpired, signal) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
}

const redis = new Redis();
setInterval(() => watchExpirations(redis, (key) => console.log(key)), 60_000);
`;

const describedOnly = `
import { Redis } from 'ioredis';

/** Follows the key-expiry events. */
export function watchExpirations(onExpired) {
  const sub = new Redis();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
}

setInterval(() => watchExpirations(console.log), 60_000);
`;

const typedByTag = `
import { Redis } from 'ioredis';

/** @type {(onExpired: (key: string) => void) => void} */
export const watchExpirations = (onExpired) => {
  const sub = new Redis();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
};

setInterval(() => watchExpirations(console.log), 60_000);
`;

const reported = { messageId: 'subscriptionConnectionNotClosed' as const, line: 12, column: 8 };

javascriptRuleTester.run('no-leaked-subscription: a signal parameter documented in JSDoc (javascript)', rule, {
  valid: [],
  invalid: [
    {
      code: documentedHelper,
      errors: [{ ...reported, suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`watchExpirations()`' }, output: documentedHelperFixed }] }],
    },
    {
      code: describedOnly,
      errors: [
        {
          ...reported,
          line: 7,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchExpirations()`' },
              output: describedOnly
                .replace('(onExpired) {', '(onExpired, signal) {')
                .replace('(key));\n}', "(key));\n  if (signal?.aborted) void sub.quit();\n  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });\n}"),
            },
          ],
        },
      ],
    },
    { code: typedByTag, errors: [{ ...reported, line: 7, suggestions: [] }] },
  ],
});

// TypeScript reads a parameter's optionality from its `?`, never from JSDoc: the comment is left alone.
runInBothModes('no-leaked-subscription: JSDoc of a TypeScript function', rule, {
  valid: [],
  invalid: [
    {
      code: `
import Redis from 'ioredis';

/**
 * @param redis the shared client
 * @param onExpired called with each expired key
 */
export function watchExpirations(redis: Redis, onExpired: (key: string) => void) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
}

setInterval(() => watchExpirations(new Redis(), console.log), 60_000);
`,
      errors: [
        {
          ...reported,
          line: 10,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchExpirations()`' },
              output: `
import Redis from 'ioredis';

/**
 * @param redis the shared client
 * @param onExpired called with each expired key
 */
export function watchExpirations(redis: Redis, onExpired: (key: string) => void, signal?: AbortSignal) {
  const sub = redis.duplicate();
  void sub.psubscribe('__keyevent@0__:expired');
  sub.on('pmessage', (_pattern, _channel, key) => onExpired(key));
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
}

setInterval(() => watchExpirations(new Redis(), console.log), 60_000);
`,
            },
          ],
        },
      ],
    },
  ],
});
