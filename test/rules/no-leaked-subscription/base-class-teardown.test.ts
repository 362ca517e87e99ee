import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: teardown overridden from a base class', rule, {
  valid: [
    // the override ends it itself, without calling the base's
    `
class Service {
  protected started = false;
  stop() {
    this.started = false;
  }
}

export class Heartbeat extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.started = true;
    this.timer = setInterval(() => console.log('beat'), 5000);
  }
  override stop() {
    clearInterval(this.timer);
  }
}
`,
    // the base's teardown calls a hook the subclass fills in
    `
abstract class Service {
  stop() {
    this.onStop();
  }
  protected abstract onStop(): void;
}

export class Heartbeat extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('beat'), 5000);
  }
  protected onStop() {
    clearInterval(this.timer);
  }
}
`,
  ],
  invalid: [
    {
      // an empty override of the base's stop(): nothing ends the timer, not even the base
      code: `
class Service {
  protected started = false;
  stop() {
    this.started = false;
  }
}

export class Heartbeat extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.started = true;
    this.timer = setInterval(() => console.log('beat'), 5000);
  }
  override stop() {}
}
`,
      output: `
class Service {
  protected started = false;
  stop() {
    this.started = false;
  }
}

export class Heartbeat extends Service {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.started = true;
    this.timer = setInterval(() => console.log('beat'), 5000);
  }
  override stop() {
    clearInterval(this.timer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'an interval', member: 'this.timer', teardown: 'stop', code: 'setInterval(…)' },
          line: 13,
          column: 18,
          endLine: 13,
          endColumn: 29,
        },
      ],
    },
  ],
});
