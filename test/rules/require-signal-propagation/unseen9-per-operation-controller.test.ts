import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A controller the class aborts only to replace it (htmx's history restore: `this.#historyAbort?.abort();
// this.#historyAbort = new AbortController();` before each restore's request) is one operation's, the
// latest of its kind: no end of the object's. Handed to another method's calls (htmx's constructor
// and its page-long 'popstate' listener, which `--fix` tied to it), it would end them with the next
// restore, or never. When a method aborts it for good (`stop()`), it is the object's signal, offered
// to every method as before.
runInBothModes('require-signal-propagation: a controller aborted only to be replaced is no signal of other methods', rule, {
  valid: [`
export class History {
  #restoreAbort?: AbortController;

  async restore(path: string) {
    this.#restoreAbort?.abort();
    this.#restoreAbort = new AbortController();
    return fetch(path, { signal: this.#restoreAbort.signal });
  }

  ping() {
    return fetch('/ping');
  }
}
`,
    // Nor before the method made it: there the member holds the one it has just aborted.
    `
export class History {
  #restoreAbort?: AbortController;

  async restore(path: string) {
    this.#restoreAbort?.abort();
    void fetch('/log');
    this.#restoreAbort = new AbortController();
    return fetch(path, { signal: this.#restoreAbort.signal });
  }
}
`],
  invalid: [
    {
      code: `
export class History {
  #restoreAbort?: AbortController;

  async restore(path: string) {
    this.#restoreAbort?.abort();
    this.#restoreAbort = new AbortController();
    return fetch(path, { signal: this.#restoreAbort.signal });
  }

  ping() {
    return fetch('/ping');
  }
  stop() {
    this.#restoreAbort?.abort();
  }
}
`,
      errors: [{ ...missing(12, 12, 12, 26), suggestions: [{ messageId: 'passSignal', output: `
export class History {
  #restoreAbort?: AbortController;

  async restore(path: string) {
    this.#restoreAbort?.abort();
    this.#restoreAbort = new AbortController();
    return fetch(path, { signal: this.#restoreAbort.signal });
  }

  ping() {
    return fetch('/ping', { signal: this.#restoreAbort?.signal });
  }
  stop() {
    this.#restoreAbort?.abort();
  }
}
` }] }],
    },
  ],
});
