import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A `while` loop moves on only by what its body does. Hoisting the call out of
// `while (added < min) addOne(…)` would leave `while (added < min) {}`, which never ends: the
// start is reported, the hoist withheld. A `for…of` loop moves on by itself: the hoist stays.
runInBothModes('no-repeated-subscription: no hoist out of a loop its body moves on', rule, {
  valid: [],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';
const updates = new EventEmitter();
let added = 0;
function addOne(handler: () => void) {
  updates.on('update', handler);
  added++;
}
export function fill(min: number, handler: () => void) {
  while (added < min) {
    addOne(handler);
  }
}
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 11,
          column: 5,
          endLine: 11,
          endColumn: 11,
          suggestions: [],
        },
      ],
    },
    {
      code: `
import { EventEmitter } from 'node:events';
const updates = new EventEmitter();
let added = 0;
function addOne(handler: () => void) {
  updates.on('update', handler);
  added++;
}
export function fill(min: number, handler: () => void) {
  for (; added < min; ) {
    addOne(handler);
  }
}
`,
      errors: [{ messageId: 'repeatedCall', line: 11, column: 5, endLine: 11, endColumn: 11, suggestions: [] }],
    },
    {
      code: `
import { EventEmitter } from 'node:events';
const updates = new EventEmitter();
function addOne(handler: () => void) {
  updates.on('update', handler);
}
export function fill(names: string[], handler: () => void) {
  for (const name of names) {
    addOne(handler);
    console.log(name);
  }
}
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import { EventEmitter } from 'node:events';
const updates = new EventEmitter();
function addOne(handler: () => void) {
  updates.on('update', handler);
}
export function fill(names: string[], handler: () => void) {
  addOne(handler);
  for (const name of names) {
    console.log(name);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
