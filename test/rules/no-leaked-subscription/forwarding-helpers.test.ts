import leakedRule from '../../../rules/no-leaked-subscription';
import repeatedRule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A helper that hands its caller's target, event and listener straight on is an alias of the add
// method: the caller holds all three and can remove the listener, so the helper is not reported
// (lib0's dom.js). A helper that brings its own listener or event is judged as any function, and a
// caller that runs the forwarding helper again and again is reported through the call path.
runInBothModes('no-leaked-subscription: helpers that forward an add', leakedRule, {
  valid: [
    `
export const addEventListener = (el: EventTarget, name: string, f: EventListener) => el.addEventListener(name, f);
export const removeEventListener = (el: EventTarget, name: string, f: EventListener) => el.removeEventListener(name, f);
`,
    `
import type { EventEmitter } from 'node:events';

export function listen(emitter: EventEmitter, event: string, listener: (...args: unknown[]) => void) {
  emitter.on(event, listener);
  return emitter;
}
`,
  ],
  invalid: [
    {
      // Its own listener: nobody outside can remove it.
      code: `
export function addClickLogger(el: EventTarget, name: string) {
  el.addEventListener(name, () => console.log(name));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: 'a listener', target: 'el', outlives: 'a parameter', code: 'el.addEventListener(…)' },
          line: 3,
          column: 3,
          endLine: 3,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`addClickLogger()`' },
              output: `
export function addClickLogger(el: EventTarget, name: string, signal?: AbortSignal) {
  el.addEventListener(name, () => console.log(name), { signal });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: a forwarding helper run on every tick', repeatedRule, {
  valid: [],
  invalid: [
    {
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
/**
 * @param {EventEmitter} el
 * @param {string} name
 * @param {(...args: unknown[]) => void} f
 */
function listen(el, name, f) {
  el.on(name, f);
}
setInterval(() => listen(bus, 'tick', () => console.log('tick')), 1000);
module.exports = { listen };
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 12,
          column: 19,
          endLine: 12,
          endColumn: 25,
        },
      ],
    },
  ],
});
