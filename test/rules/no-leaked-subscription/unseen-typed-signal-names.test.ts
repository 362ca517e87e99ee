import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A handler on `process` for a signal named by a variable (lightship's `for (const signal of
// configuration.signals) process.on(signal, …)`): with types, an event typed as a union of signal
// names (`NodeJS.Signals`) is a process lifecycle event like `process.on('SIGTERM', …)`. Without
// types, and for an event typed `string` or a union with another event, it is still reported.
const shutdown = (eventType: string) => `
export function createLifecycle(signals: readonly (${eventType})[], shutdown: () => void) {
  for (const signal of signals) {
    process.on(signal, () => {
      shutdown();
    });
  }
}
`;

typedRuleTester.run('no-leaked-subscription: a process handler for a signal typed by name (typed)', rule, {
  valid: [shutdown('NodeJS.Signals'), shutdown(`'SIGTERM' | 'SIGINT'`)],
  invalid: [],
});

// The suggestion removes each handler when an optional signal aborts.
const suggested = (eventType: string) => `
export function createLifecycle(signals: readonly (${eventType})[], shutdown: () => void, signal2?: AbortSignal) {
  for (const signal of signals) {
    const listener = () => {
      shutdown();
    };
    process.on(signal, listener);
    if (signal2?.aborted) process.off(signal, listener);
    else signal2?.addEventListener('abort', () => process.off(signal, listener), { once: true });
  }
}
`;

const notRemoved = (eventType: string) => ({
  messageId: 'listenerNotRemoved' as const,
  line: 4,
  column: 5,
  endLine: 4,
  endColumn: 15,
  suggestions: [{ messageId: 'addSignalParameter' as const, output: suggested(eventType) }],
});

runInBothModes('no-leaked-subscription: a process handler for an event not known to be a signal', rule, {
  valid: [],
  invalid: [
    { code: shutdown('string'), errors: [notRemoved('string')] },
    { code: shutdown(`'SIGTERM' | 'message'`), errors: [notRemoved(`'SIGTERM' | 'message'`)] },
  ],
});
