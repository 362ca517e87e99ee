import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// The knowledge base's tables are looked up by names from user code: an export or a member called
// like one of `Object.prototype`'s (`constructor`, `toString`) is no entry of theirs, and no rule
// stops on it with an internal error.
runInBothModes('no-leaked-subscription: names of Object.prototype are no knowledge-base entries', rule, {
  valid: [
    `
import { constructor } from 'worker_threads';
export function g(cb: () => void) { (constructor as any).on('message', cb); }
`,
    `
import { toString } from 'electron';
import { hasOwnProperty } from 'events';
export function h(cb: () => void) {
  (toString as any).on('x', cb);
  (hasOwnProperty as any)(cb);
}
`,
  ],
  invalid: [],
});
