import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `this.timer` in one class is not `this.timer` in another class of the same file: the end one
// class writes in its teardown does not end what the other keeps under the same name.
const twoClasses = (otherTeardown: string) => `
export class Clock extends HTMLElement {
  private timer: ReturnType<typeof setInterval> | undefined;
  connectedCallback(): void {
    this.timer = setInterval(() => this.render(), 1000);
  }
  disconnectedCallback(): void {
${otherTeardown}
  }
  render(): void {}
}

export class Ticker {
  private timer = setInterval(() => this.tick(), 1000);
  tick(): void {}
  stop(): void {
    clearInterval(this.timer);
  }
}
`;

runInBothModes('no-leaked-subscription: a member of the same name in another class', rule, {
  valid: [
    twoClasses('    clearInterval(this.timer);'),
    // A subclass's teardown ends what its base keeps.
    `
class Base {
  protected timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.timer = setInterval(() => this.tick(), 1000);
  }
  tick(): void {}
  stop(): void {}
}
export class Child extends Base {
  override stop(): void {
    clearInterval(this.timer);
  }
}
`,
    // A mixin's class extends whatever class it is given: its teardown may end what that class keeps.
    `
class Base {
  constructor() {
    this.timer = setInterval(() => this.tick(), 1000);
  }
  tick() {}
  stop() {}
}
const Stoppable = (B) =>
  class extends B {
    stop() {
      clearInterval(this.timer);
      super.stop();
    }
  };
export const Worker = Stoppable(Base);
`,
    // The same with the start in a class field.
    `
type Ctor<T = object> = new (...args: any[]) => T;
class Base {
  protected timer = setInterval(() => console.log('tick'), 1000);
  stop(): void {}
}
const Stoppable = <B extends Ctor<{ timer?: ReturnType<typeof setInterval>; stop(): void }>>(B: B) =>
  class extends B {
    stop(): void {
      clearInterval(this.timer);
      super.stop();
    }
  };
export const Worker = Stoppable(Base);
`,
    // Read through an alias of the outer class's \`this\` inside another class: the same instance.
    `
class Server {
  timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => this.tick(), 1000);
    const self = this;
    return new (class Handle {
      close() {
        clearInterval(self.timer);
      }
    })();
  }
  tick() {}
  stop() {}
}
export { Server };
`,
    // A base known through another name, or asserted, is still the class of this file that keeps the timer.
    ...['const Impl = Base;\nexport class Child extends Impl {', 'export class Child extends (Base as new () => Base) {'].map(
      (child) => `
class Base {
  protected timer: ReturnType<typeof setInterval> | undefined;
  start(): void {
    this.timer = setInterval(() => this.tick(), 1000);
  }
  tick(): void {}
  stop(): void {}
}
${child}
  override stop(): void {
    clearInterval(this.timer);
  }
}
`,
    ),
  ],
  invalid: [
    // A base imported from a module is no class of this file: the other class's end is still another object's.
    {
      code: `import { EventEmitter } from 'node:events';\n${twoClasses("    console.log('detached');").replace('extends HTMLElement', 'extends EventEmitter')}`,
      output: `import { EventEmitter } from 'node:events';\n${twoClasses("    console.log('detached');\n    clearInterval(this.timer);").replace('extends HTMLElement', 'extends EventEmitter')}`,
      errors: [{ messageId: 'storedNotEnded', line: 6, column: 18 }],
    },
    {
      code: twoClasses("    console.log('detached');"),
      output: twoClasses("    console.log('detached');\n    clearInterval(this.timer);"),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(() => this.render(), 1000)', member: 'this.timer', teardown: 'disconnectedCallback' },
          line: 5,
          column: 18,
        },
      ],
    },
  ],
});
