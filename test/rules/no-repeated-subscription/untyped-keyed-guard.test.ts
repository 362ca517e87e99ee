import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// A listener added from a repeated context under a guard kept per key (`if (!seen[event]) {
// seen[event] = true; … }`, nodemon's bus) is added once per key, not once per repetition.
javascriptRuleTester.run('no-repeated-subscription: a guard kept per key (javascript)', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const seen = {};
bus.on('newListener', (event) => {
  if (!seen[event]) {
    seen[event] = true;
    bus.on(event, () => console.log(event));
  }
});
`,
  ],
  invalid: [
    // the key is checked but never recorded: every new listener adds one more
    {
      code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
const seen = {};
bus.on('newListener', (event) => {
  if (!seen[event]) {
    bus.on(event, () => console.log(event));
  }
});
`,
      errors: [{ messageId: 'repeatedStart', line: 7, column: 5, endLine: 7, endColumn: 11 }],
    },
  ],
});
