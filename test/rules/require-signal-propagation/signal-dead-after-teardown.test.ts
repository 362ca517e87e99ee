import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';

// A controller the object makes once, with itself, and that its teardown aborts is aborted for good
// after the first stop(): handed to a call in start(), a restart would fail that call at once. The
// call is still reported, and the signal offered as a suggestion, not written by --fix. A controller
// start() makes afresh is the run's own, and the fix is written.
const relay = (start: string) => `
import { setTimeout as sleep } from 'node:timers/promises';

export class Relay {
  #shutdown = new AbortController();
  async start(): Promise<void> {
${start}
    await sleep(1000);
  }
  stop(): void {
    this.#shutdown.abort();
  }
}
`;

runInBothModes('require-signal-propagation: a signal its teardown aborts for good', rule, {
  valid: [],
  invalid: [
    {
      code: relay(''),
      errors: [
        {
          messageId: 'missingSignal',
          line: 8,
          column: 11,
          suggestions: [{ messageId: 'passSignal', output: relay('').replace('sleep(1000)', 'sleep(1000, undefined, { signal: this.#shutdown.signal })') }],
        },
      ],
    },
    {
      code: relay('    this.#shutdown = new AbortController();'),
      output: relay('    this.#shutdown = new AbortController();').replace('sleep(1000)', 'sleep(1000, undefined, { signal: this.#shutdown.signal })'),
      errors: [{ messageId: 'missingSignal', line: 8, column: 11, suggestions: [] }],
    },
  ],
});
