import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// An observer's end per target (the KB's observers: `unobserve(el)` for `observe(el)`): a teardown
// that unobserves the one target every `observe()` on the handle names leaves it watching nothing,
// as `disconnect()` would (Turbo's AppearanceObserver: `stop()` unobserves `this.element`, the only
// element `start()` observes). A teardown that unobserves one of two targets is still reported,
// with the fix that disconnects it.
runInBothModes('no-leaked-subscription: an observer unobserved from every target it observes', rule, {
  valid: [
    `
export class AppearanceObserver {
  started = false;
  intersectionObserver: IntersectionObserver;
  constructor(private element: Element, private onAppear: () => void) {
    this.intersectionObserver = new IntersectionObserver(this.intersect);
  }
  start() {
    if (!this.started) {
      this.started = true;
      this.intersectionObserver.observe(this.element);
    }
  }
  stop() {
    if (this.started) {
      this.started = false;
      this.intersectionObserver.unobserve(this.element);
    }
  }
  intersect = () => this.onAppear();
}
`,
  ],
  invalid: [
    {
      code: `
export class TwoTargets {
  observer: IntersectionObserver;
  constructor(private element: Element, private other: Element) {
    this.observer = new IntersectionObserver(() => {});
  }
  start() {
    this.observer.observe(this.element);
    this.observer.observe(this.other);
  }
  stop() {
    this.observer.unobserve(this.element);
  }
}
`,
      output: `
export class TwoTargets {
  observer: IntersectionObserver;
  constructor(private element: Element, private other: Element) {
    this.observer = new IntersectionObserver(() => {});
  }
  start() {
    this.observer.observe(this.element);
    this.observer.observe(this.other);
  }
  stop() {
    this.observer.unobserve(this.element);
    this.observer?.disconnect();
  }
}
`,
      errors: [{ messageId: 'storedNotEnded', line: 5, column: 21, endLine: 5, endColumn: 55 }],
    },
  ],
});
