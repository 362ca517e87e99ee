import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A fix that stops a loop on a signal the caller may leave out must read it with `?.`: `.aborted`
// on a missing signal throws in the fixed program. With types the checker decides (its TypeFlags
// are read from TypeScript itself: TypeScript 6 renumbered them, and a hard-coded number said
// `signal?: AbortSignal` was always there); without, an annotation or a JSDoc type must show the
// signal is always given, else the fix writes `?.`.
const loop = (params: string, check: string): string => `
import type { Redis } from 'ioredis';

export async function receiveLoop(client: Redis, ${params}) {
  ${check} {
    console.log(await client.brpop('tasks', 0));
  }
}
`;

runInBothModes('no-unbounded-loop: a fix on a signal that may be missing', rule, {
  valid: [],
  invalid: [
    {
      // An optional parameter.
      code: loop('signal?: AbortSignal', 'while (true)'),
      output: loop('signal?: AbortSignal', 'while (!signal?.aborted)'),
      errors: [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 15 }],
    },
    {
      // A union with undefined.
      code: loop('signal: AbortSignal | undefined', 'while (true)'),
      output: loop('signal: AbortSignal | undefined', 'while (!signal?.aborted)'),
      errors: [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 15 }],
    },
    {
      // Always given: read with `.`.
      code: loop('signal: AbortSignal', 'while (true)'),
      output: loop('signal: AbortSignal', 'while (!signal.aborted)'),
      errors: [{ messageId: 'unboundedLoop', line: 5, column: 3, endLine: 5, endColumn: 15 }],
    },
  ],
});

const jsLoop = (doc: string, check: string): string => `
/**
 * @param {{ brpop(key: string, timeout: number): Promise<unknown> }} client
 * ${doc}
 */
async function receiveLoop(client, signal) {
  if (signal && signal.aborted) return;
  ${check} {
    console.log(await client.brpop('tasks', 0));
  }
}
module.exports = { receiveLoop };
`;

const jsCases = {
  valid: [],
  invalid: [
    {
      // Used as an AbortSignal, documented as nothing: any caller may leave it out.
      code: jsLoop('@returns {Promise<void>}', 'while (true)'),
      output: jsLoop('@returns {Promise<void>}', 'while (!signal?.aborted)'),
      errors: [{ messageId: 'unboundedLoop' as const, line: 8, column: 3, endLine: 8, endColumn: 15 }],
    },
    {
      // Documented as a required AbortSignal: read with `.`.
      code: jsLoop('@param {AbortSignal} signal', 'while (true)'),
      output: jsLoop('@param {AbortSignal} signal', 'while (!signal.aborted)'),
      errors: [{ messageId: 'unboundedLoop' as const, line: 8, column: 3, endLine: 8, endColumn: 15 }],
    },
  ],
};
// Untyped only: the fixture program cannot hold a file.js beside its file.ts (TypeScript takes it for
// the output of file.ts); the typed path is the TypeScript cases' above.
javascriptRuleTester.run('no-unbounded-loop: a fix on a JavaScript signal that may be missing', rule, jsCases);
