import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A controller kept on `this` ends what its signal was handed to only when something aborts it,
// usually the class's teardown (`stop()`, `close()`, `dispose()`). When the class has a teardown
// and nothing in it or anywhere else aborts the controller, and no other code can reach it (a
// private member, or a class the file keeps to itself), its signal never aborts: reported at the
// start that took it, naming the controller. No fix: where to abort it is the author's call.
const error = (line: number, column: number, endColumn: number, controller: string, signal: string, label = "a 'resize' listener") => ({
  messageId: 'signalNeverAborted' as const,
  data: { code: 'target.addEventListener(…)', label, signal, controller },
  line,
  column,
  endLine: line,
  endColumn,
});

runInBothModes('no-leaked-subscription: a controller on this that nothing aborts', rule, {
  valid: [
    // The teardown aborts it.
    `
export class Tracker {
  #ac = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    target.addEventListener('resize', onResize, { signal: this.#ac.signal });
  }
  stop() {
    this.#ac.abort();
  }
}
`,
    // Aborted through an optional call, in a method that is not the teardown.
    `
export class Tracker {
  #ac: AbortController | undefined = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    target.addEventListener('resize', onResize, { signal: this.#ac!.signal });
  }
  cancel() {
    this.#ac?.abort();
  }
  stop() {}
}
`,
    // A public member of an exported class: code elsewhere may abort it.
    `
export class Tracker {
  ac = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    target.addEventListener('resize', onResize, { signal: this.ac.signal });
  }
  close() {}
}
`,
    // Handed on: whoever receives the controller may abort it.
    `
declare function abortOnShutdown(controller: AbortController): void;
export class Tracker {
  #ac = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    abortOnShutdown(this.#ac);
    target.addEventListener('resize', onResize, { signal: this.#ac.signal });
  }
  stop() {}
}
`,
    // Another object's member of the same name is aborted: the file names it elsewhere.
    `
class Tracker {
  controller: AbortController | null = null;
  start(target: EventTarget, onResize: () => void) {
    this.controller = new AbortController();
    target.addEventListener('resize', onResize, { signal: this.controller.signal });
  }
  stop() {}
}
const tracker = new Tracker();
process.on('SIGTERM', () => tracker.controller?.abort());
`,
    // No teardown: nothing says when the object's life ends.
    `
export class Tracker {
  #ac = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    target.addEventListener('resize', onResize, { signal: this.#ac.signal });
  }
}
`,
  ],
  invalid: [
    {
      code: `
export class Tracker {
  #ac = new AbortController();
  start(target: EventTarget, onResize: () => void) {
    target.addEventListener('resize', onResize, { signal: this.#ac.signal });
  }
  stop() {
    console.log('stopped');
  }
}
`,
      errors: [error(5, 5, 28, 'this.#ac', 'this.#ac.signal')],
    },
    {
      // A class the file keeps to itself, its controller made per start and tested, never aborted.
      code: `
class Tracker {
  controller: AbortController | null = null;
  start(target: EventTarget, onResize: () => void) {
    if (this.controller) return;
    this.controller = new AbortController();
    const signal = this.controller.signal;
    target.addEventListener('resize', onResize, { signal });
  }
  dispose() {
    this.controller = null;
  }
}
export function track(target: EventTarget) {
  const tracker = new Tracker();
  tracker.start(target, () => undefined);
  return () => tracker.dispose();
}
`,
      errors: [error(8, 5, 28, 'this.controller', 'signal')],
    },
  ],
});
