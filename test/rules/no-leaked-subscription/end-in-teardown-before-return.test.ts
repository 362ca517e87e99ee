import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// The fix adds the end to the teardown as its last statement, but before a last statement that may
// leave it (a `return`, a `throw`, or an `if`/`try` holding one): after it, the end would not always run.
runInBothModes('no-leaked-subscription: an end added to a teardown that returns', rule, {
  valid: [],
  invalid: [
    {
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    return Promise.resolve();
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', line: 5, column: 18, endLine: 5, endColumn: 29 }],
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
    return Promise.resolve();
  }
}
`,
    },
    {
      // The last statement returns on every path: the end goes before it.
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private closing: Promise<void> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    if (this.closing) {
      return this.closing;
    } else {
      return Promise.resolve();
    }
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', line: 6, column: 18, endLine: 6, endColumn: 29 }],
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private closing: Promise<void> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
    if (this.closing) {
      return this.closing;
    } else {
      return Promise.resolve();
    }
  }
}
`,
    },
    {
      // The last statement is no return: the end goes after it.
      code: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  start() {
    this.running = true;
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    this.running = false;
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', line: 7, column: 18, endLine: 7, endColumn: 29 }],
      output: `
export class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  start() {
    this.running = true;
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    this.running = false;
    clearInterval(this.timer);
  }
}
`,
    },
  ],
});
