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
      // \`el\` names another element in each callback: unobserving the hidden ones leaves the rest watched.
      code: `
export function watchAll(list: HTMLElement[], onResize: ResizeObserverCallback) {
  const observer = new ResizeObserver(onResize);
  for (const el of list) observer.observe(el);
  list.forEach((el) => {
    if (el.hidden) observer.unobserve(el);
  });
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
export function watchAll(list: HTMLElement[], onResize: ResizeObserverCallback, signal?: AbortSignal) {
  const observer = new ResizeObserver(onResize);
  for (const el of list) observer.observe(el);
  list.forEach((el) => {
    if (el.hidden) observer.unobserve(el);
  });
  if (signal?.aborted) observer.disconnect();
  else signal?.addEventListener('abort', () => observer.disconnect(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
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
