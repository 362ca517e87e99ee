import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// The fix ends a leak on the signal in scope only when the code shows it is an AbortSignal;
// a signal known by its name alone is offered as a suggestion, one with counter-evidence not at all.
// See docs/rules/require-signal-propagation.md, "What counts as a signal".
runInBothModes('no-leaked-subscription: the signal a fix rests on', rule, {
  valid: [],
  invalid: [
    {
      // Used as an AbortSignal: the fix ends the connection on abort.
      code: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal) {
  if (signal.aborted) return;
  const sub = client.duplicate();
  await sub.subscribe('new-task');
}
`,
      output: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal) {
  if (signal.aborted) return;
  const sub = client.duplicate();
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('new-task');
}
`,
      errors: [{ messageId: 'subscriptionConnectionNotClosed', line: 7, column: 9, endLine: 7, endColumn: 22 }],
    },
    {
      // Only its name says \`signal\` is one: a suggestion, not a fix.
      code: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal) {
  const sub = client.duplicate();
  await sub.subscribe('new-task');
}
`,
      output: null,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'endOnSignal',
              data: { signal: 'signal' },
              output: `
import Redis from 'ioredis';

export async function listenForTasks(client: Redis, signal) {
  const sub = client.duplicate();
  if (signal?.aborted) void sub.quit();
  else signal?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('new-task');
}
`,
            },
          ],
        },
      ],
    },
    {
      // A process signal: nothing rests on it (the suggestion adds a signal of its own).
      code: `
import Redis from 'ioredis';

export async function stopAndAnnounce(client: Redis, pid: number, signal = 'SIGTERM') {
  process.kill(pid, signal);
  const sub = client.duplicate();
  await sub.subscribe('stopped');
}
`,
      output: null,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import Redis from 'ioredis';

export async function stopAndAnnounce(client: Redis, pid: number, signal = 'SIGTERM', signal2?: AbortSignal) {
  process.kill(pid, signal);
  const sub = client.duplicate();
  if (signal2?.aborted) void sub.quit();
  else signal2?.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('stopped');
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: the signal a fix rests on, in JavaScript', rule, {
  valid: [],
  invalid: [
    {
      // Documented as an AbortSignal: the fix ends the connection on abort.
      code: `
const Redis = require('ioredis');
/**
 * @param {string} url
 * @param {AbortSignal} signal
 */
async function listenForTasks(url, signal) {
  const sub = new Redis(url);
  await sub.subscribe('new-task');
}
module.exports = { listenForTasks };
`,
      output: `
const Redis = require('ioredis');
/**
 * @param {string} url
 * @param {AbortSignal} signal
 */
async function listenForTasks(url, signal) {
  const sub = new Redis(url);
  if (signal.aborted) void sub.quit();
  else signal.addEventListener('abort', () => void sub.quit(), { once: true });
  await sub.subscribe('new-task');
}
module.exports = { listenForTasks };
`,
      errors: [{ messageId: 'subscriptionConnectionNotClosed', line: 9, column: 9, endLine: 9, endColumn: 22 }],
    },
  ],
});
