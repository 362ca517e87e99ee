import leakedRule from '../../../rules/no-leaked-subscription';
import repeatedRule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// A function that hands its caller's event and listener straight on to a global (egg-cluster's
// `static on(event, callback) { process.on(event, callback); }`) is an alias of `process.on`: its
// caller holds the event and the listener and reaches `process` too, so it can remove the
// listener, and the helper is not reported. A helper that brings its own listener or event is
// judged as any function, and a caller that runs the forwarding helper again and again is
// reported through the call path.
runInBothModes('no-leaked-subscription: helpers that forward an add to a global', leakedRule, {
  valid: [
    `
export class AppWorker {
  static on(event: string, callback: (...args: any[]) => void) {
    process.on(event, callback);
  }
}
`,
    `
export function onProcess(event: string, listener: (...args: any[]) => void) {
  process.on(event, listener);
}
`,
  ],
  invalid: [],
});

const ownListener = `
export function onProcessMessage(listener: (message: unknown) => void) {
  process.on('message', (message) => listener(message));
}
`;
const at = { messageId: 'listenerNotRemoved', line: 3, column: 3, endLine: 3, endColumn: 13 } as const;

untypedRuleTester.run('no-leaked-subscription: a helper adding its own listener to a global (untyped)', leakedRule, {
  valid: [],
  invalid: [{ code: ownListener, errors: [at] }],
});

// With types, the suggestion: a signal parameter, and the listener removed on abort.
typedRuleTester.run('no-leaked-subscription: a helper adding its own listener to a global (typed)', leakedRule, {
  valid: [],
  invalid: [
    {
      code: ownListener,
      errors: [
        {
          ...at,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
export function onProcessMessage(listener: (message: unknown) => void, signal?: AbortSignal) {
  const onMessage = (message: unknown) => listener(message);
  process.on('message', onMessage);
  if (signal?.aborted) process.off('message', onMessage);
  else signal?.addEventListener('abort', () => process.off('message', onMessage), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: a helper forwarding to a global, run on every tick', repeatedRule, {
  valid: [],
  invalid: [
    {
      code: `
function onProcess(event, listener) {
  process.on(event, listener);
}
setInterval(() => onProcess('message', () => console.log('message')), 1000);
module.exports = { onProcess };
`,
      errors: [{ messageId: 'repeatedCall', line: 5, column: 19, endLine: 5, endColumn: 28 }],
    },
  ],
});
