import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// The fix stops a loop on the signal in scope only when the code shows it is an AbortSignal;
// a signal known by its name alone is offered as a suggestion, one with counter-evidence not at all.
// See docs/rules/require-signal-propagation.md, "What counts as a signal".
runInBothModes('no-unbounded-loop: the signal a fix rests on', rule, {
  valid: [],
  invalid: [
    {
      // Only its name says \`signal\` is one: a suggestion, not a fix.
      code: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, signal) {
  while (true) {
    const msg = await client.brpop('tasks', 0);
    console.log(msg);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'stopOnSignal',
              data: { signal: 'signal' },
              output: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, signal) {
  while (!signal?.aborted) {
    const msg = await client.brpop('tasks', 0);
    console.log(msg);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Listened to for \`abort\`: the fix stops the loop on it (\`?.\`: nothing types the parameter).
      code: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, signal) {
  signal.addEventListener('abort', () => console.log('stopping'), { once: true });
  for (;;) {
    console.log(await client.brpop('tasks', 0));
  }
}
`,
      output: `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, signal) {
  signal.addEventListener('abort', () => console.log('stopping'), { once: true });
  for (; !signal?.aborted; ) {
    console.log(await client.brpop('tasks', 0));
  }
}
`,
      errors: [{ messageId: 'unboundedLoop', line: 6, column: 3, endLine: 6, endColumn: 11 }],
    },
    {
      // A process signal's listener is given the signal's name: nothing rests on it.
      code: `
import type { Redis } from 'ioredis';

export function drainOnStop(client: Redis) {
  process.once('SIGTERM', async (signal) => {
    console.log('draining on', signal);
    while (true) {
      console.log(await client.brpop('tasks', 0));
    }
  });
}
`,
      output: null,
      errors: [{ messageId: 'unboundedLoop', line: 7, column: 5, endLine: 7, endColumn: 17, suggestions: [] }],
    },
  ],
});

javascriptRuleTester.run('no-unbounded-loop: the signal a fix rests on, in JavaScript', rule, {
  valid: [],
  invalid: [
    {
      // Documented as an AbortSignal.
      code: `
/**
 * @param {{ brpop(key: string, timeout: number): Promise<unknown> }} client
 * @param {AbortSignal} [signal]
 */
async function receiveLoop(client, signal) {
  while (true) {
    console.log(await client.brpop('tasks', 0));
  }
}
module.exports = { receiveLoop };
`,
      output: `
/**
 * @param {{ brpop(key: string, timeout: number): Promise<unknown> }} client
 * @param {AbortSignal} [signal]
 */
async function receiveLoop(client, signal) {
  while (!signal?.aborted) {
    console.log(await client.brpop('tasks', 0));
  }
}
module.exports = { receiveLoop };
`,
      errors: [{ messageId: 'unboundedLoop', line: 7, column: 3, endLine: 7, endColumn: 15 }],
    },
  ],
});
