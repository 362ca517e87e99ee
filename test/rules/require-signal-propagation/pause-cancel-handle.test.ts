import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A controller a method makes only to cancel its own wait (ioBroker's upgrade manager:
// `this.shutdownAbortController = new AbortController(); await wait(ms, null, { signal:
// this.shutdownAbortController.signal })`, aborted by `shutdownApp()`) is the cancel handle of that
// wait, not the object's life: another method (`stopController()`, run long before it exists) has
// no business with it. A controller whose signal also reaches anything else (a request, a loop's
// check) is the object's, offered to every method as before.
const manager = (alsoHanded: string) => `
import { setTimeout as wait } from 'node:timers/promises';

export class UpgradeManager {
  shutdownAbortController?: AbortController;

  async stopController() {
    await wait(5000);
  }

  shutdownApp() {
    this.shutdownAbortController?.abort();
  }

  async startShutdownTimeout() {
    this.shutdownAbortController = new AbortController();
    ${alsoHanded}
    try {
      await wait(60000, null, { signal: this.shutdownAbortController.signal });
      this.shutdownApp();
    } catch {
      console.log('cancelled');
    }
  }
}
`;

runInBothModes('require-signal-propagation: a controller that only cancels its maker\'s wait is no signal of other methods', rule, {
  valid: [manager(''), manager(`await wait(10, undefined, { signal: this.shutdownAbortController.signal });`)],
  invalid: [
    {
      code: manager(`void fetch('/status', { signal: this.shutdownAbortController.signal });`),
      errors: [
        {
          ...missing(8, 11, 8, 21),
          suggestions: [
            {
              messageId: 'passSignal',
              output: manager(`void fetch('/status', { signal: this.shutdownAbortController.signal });`).replace(
                'await wait(5000);',
                'await wait(5000, undefined, { signal: this.shutdownAbortController?.signal });',
              ),
            },
          ],
        },
      ],
    },
  ],
});
