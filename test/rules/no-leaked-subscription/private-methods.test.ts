import leakedRule from '../../../rules/no-leaked-subscription';
import repeatedRule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// ECMAScript private methods (`#stopTimer()`) are methods like any other: a teardown that reaches
// the end through them ends the handle (@redis/client's multi-db manager: close() → #stopTimers()
// → #stopFallbackTimer() → clearInterval), and a restart through one ends the old handle first.
runInBothModes('no-leaked-subscription: teardowns through private methods', leakedRule, {
  valid: [
    `
export class Manager {
  #fallbackTimer: ReturnType<typeof setInterval> | undefined;
  #healthChecks = new Map<string, ReturnType<typeof setInterval>>();

  setAutoFallback(intervalMs: number) {
    this.#startFallbackTimer(intervalMs);
  }

  #startFallbackTimer(intervalMs: number) {
    this.#stopFallbackTimer();
    this.#fallbackTimer = setInterval(() => console.log('fallback?'), intervalMs);
  }

  #stopFallbackTimer() {
    if (this.#fallbackTimer) {
      clearInterval(this.#fallbackTimer);
      this.#fallbackTimer = undefined;
    }
  }

  #stopTimers() {
    this.#healthChecks.clear();
    this.#stopFallbackTimer();
  }

  async close() {
    this.#stopTimers();
  }
}
`,
  ],
  invalid: [
    {
      // The private stop method exists, but close() never calls it.
      code: `
export class Manager {
  #fallbackTimer: ReturnType<typeof setInterval> | undefined;
  #count = 0;

  setAutoFallback(intervalMs: number) {
    this.#fallbackTimer = setInterval(() => console.log('fallback?'), intervalMs);
  }

  #stopFallbackTimer() {
    clearInterval(this.#fallbackTimer);
  }

  close() {
    this.#count = 0;
  }
}
`,
      output: `
export class Manager {
  #fallbackTimer: ReturnType<typeof setInterval> | undefined;
  #count = 0;

  setAutoFallback(intervalMs: number) {
    this.#fallbackTimer = setInterval(() => console.log('fallback?'), intervalMs);
  }

  #stopFallbackTimer() {
    clearInterval(this.#fallbackTimer);
  }

  close() {
    this.#count = 0;
    clearInterval(this.#fallbackTimer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(…)', label: 'an interval', member: 'this.#fallbackTimer', teardown: 'close' },
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 38,
        },
      ],
    },
  ],
});

runInBothModes('no-repeated-subscription: a restart through a private stop method', repeatedRule, {
  valid: [
    `
export class Poller {
  #timer: ReturnType<typeof setInterval> | undefined;

  #stop() {
    clearInterval(this.#timer);
  }

  restart(ms: number) {
    this.#stop();
    this.#timer = setInterval(() => console.log('poll'), ms);
  }
}

const poller = new Poller();
setInterval(() => poller.restart(1000), 60_000);
`,
  ],
  invalid: [],
});
