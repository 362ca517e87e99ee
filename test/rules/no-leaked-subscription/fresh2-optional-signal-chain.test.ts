import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A member chain the class uses as a signal (`this.options.abortController.signal`) is offered to
// a fix only when nothing in the class tests a part of it for presence: opossum's breaker reads it
// only under `if (this.options.abortController)`, so the controller may be missing and
// `this.options.abortController.signal.addEventListener(…)` would throw in a program that never set it.
runInBothModes('no-leaked-subscription: a signal chain that may be missing', rule, {
  valid: [],
  invalid: [
    {
      code: `
export class Breaker {
  constructor(private options: { abortController?: AbortController; timeout: number }) {}

  isAborted() {
    return this.options.abortController ? this.options.abortController.signal.aborted : false;
  }

  healthCheck(check: () => void, interval: number) {
    const timer = setInterval(check, interval);
    timer.unref();
  }
}
`,
      // no fix: the suggestion gives the method a signal of its own instead
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 10,
          column: 19,
          endLine: 10,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`healthCheck()`' },
              output: `
export class Breaker {
  constructor(private options: { abortController?: AbortController; timeout: number }) {}

  isAborted() {
    return this.options.abortController ? this.options.abortController.signal.aborted : false;
  }

  healthCheck(check: () => void, interval: number, signal?: AbortSignal) {
    const timer = setInterval(check, interval);
    timer.unref();
    if (signal?.aborted) clearInterval(timer);
    else signal?.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // the same chain, never tested for presence: the class always has it, and the fix uses it
      code: `
export class Breaker {
  constructor(private options: { abortController: AbortController; timeout: number }) {}

  isAborted() {
    return this.options.abortController.signal.aborted;
  }

  healthCheck(check: () => void, interval: number) {
    const timer = setInterval(check, interval);
    timer.unref();
  }
}
`,
      output: `
export class Breaker {
  constructor(private options: { abortController: AbortController; timeout: number }) {}

  isAborted() {
    return this.options.abortController.signal.aborted;
  }

  healthCheck(check: () => void, interval: number) {
    const timer = setInterval(check, interval);
    timer.unref();
    if (this.options.abortController.signal.aborted) clearInterval(timer);
    else this.options.abortController.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  }
}
`,
      errors: [{ messageId: 'handleNotEnded', line: 10, column: 19, endLine: 10, endColumn: 30 }],
    },
  ],
});
