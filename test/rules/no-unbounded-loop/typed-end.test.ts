import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// `while (true)` → `while (!signal.aborted)` lets the function reach its end. When its declared
// return type has no room for that (`Promise<never>`, `Promise<Job>`), the compiler rejects the
// fixed function (TS2534, TS2366): the fix also throws the abort reason after the loop, so the end
// stays unreachable and the function still only ever returns what it said.
runInBothModes('no-unbounded-loop: a loop at the end of a function with a declared result', rule, {
  valid: [],
  invalid: [
    {
      code: `
export async function consumeForever(next: () => Promise<string>, signal: AbortSignal): Promise<never> {
  while (true) {
    console.log(await next());
  }
}
`,
      output: `
export async function consumeForever(next: () => Promise<string>, signal: AbortSignal): Promise<never> {
  while (!signal.aborted) {
    console.log(await next());
  }
  throw signal.reason;
}
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'next()' }, line: 3, column: 3, endLine: 3, endColumn: 15 }],
    },
    {
      code: `
export async function serve(accept: () => Promise<string>): Promise<never> {
  for (;;) {
    const job = await accept();
    console.log(job);
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          data: { head: 'for (;;)', awaited: 'accept()' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`serve()`' },
              output: `
export async function serve(accept: () => Promise<string>, signal?: AbortSignal): Promise<never> {
  for (; !signal?.aborted; ) {
    const job = await accept();
    console.log(job);
  }
  throw signal?.reason;
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// A function that may end (no declared result, or one that admits it) keeps the plain fix.
runInBothModes('no-unbounded-loop: a loop at the end of a function that may end', rule, {
  valid: [],
  invalid: [
    {
      code: `
export async function pump(next: () => Promise<string>, signal: AbortSignal): Promise<void> {
  while (true) {
    console.log(await next());
  }
}
`,
      output: `
export async function pump(next: () => Promise<string>, signal: AbortSignal): Promise<void> {
  while (!signal.aborted) {
    console.log(await next());
  }
}
`,
      errors: [{ messageId: 'unboundedLoop', data: { head: 'while (true)', awaited: 'next()' }, line: 3, column: 3, endLine: 3, endColumn: 15 }],
    },
  ],
});
