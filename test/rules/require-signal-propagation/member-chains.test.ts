import rule from '../../../rules/require-signal-propagation';
import { missing } from './missingSignal';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A class's signal is often reached through its members: `this.options.signal`, or another
// object's controller (`this.fsw.lifecycle.abortController.signal` in chokidar). Such a chain is
// a signal in scope in the class's methods when the class's own code uses it as one (reads
// `.aborted`, listens for `'abort'`, hands it where a function takes a signal); a chain used as a
// POSIX signal name, or only stored, is none.
runInBothModes('require-signal-propagation: a signal reached through a member chain', rule, {
  valid: [
    // Passed already.
    `
class Poller {
  options: any;
  async tick(url: string) {
    if (this.options.signal.aborted) return;
    await fetch(url, { signal: this.options.signal });
  }
}
`,
    // A POSIX signal name: handed to kill, so not an AbortSignal.
    `
class Runner {
  options: any;
  child: any;
  async restart(url: string) {
    this.child.kill(this.options.signal);
    await fetch(url);
  }
}
`,
    // Only stored: nothing shows that it is an AbortSignal.
    `
class Runner {
  options: any;
  constructor(options: any) {
    this.options = options;
    const saved = this.options.signal;
  }
  async load(url: string) {
    await fetch(url);
  }
}
`,
    // The constructor may run before the chain's objects are there.
    `
class Poller {
  options: any;
  constructor(url: string) {
    void fetch(url);
  }
  check() {
    return this.options.signal.aborted;
  }
}
`,
    // A function of its own has another \`this\`.
    `
class Poller {
  options: any;
  check() {
    return this.options.signal.aborted;
  }
  start(url: string) {
    return function () {
      return fetch(url);
    };
  }
}
`,
  ],
  invalid: [
    {
      code: `
class Poller {
  options: any;
  check() {
    return this.options.signal.aborted;
  }
  async load(url: string) {
    await fetch(url);
  }
}
`,
      output: `
class Poller {
  options: any;
  check() {
    return this.options.signal.aborted;
  }
  async load(url: string) {
    await fetch(url, { signal: this.options.signal });
  }
}
`,
      errors: [{ ...missing(8, 11, 8, 21), data: { call: 'fetch(url)', signal: 'this.options.signal', owner: '`load()`' } }],
    },
    {
      // chokidar's shape: another object's controller, handed to a function of this file that
      // listens for its abort; one call forgets it, inside an arrow of the method.
      code: `
function watchPath(path: string, signal: any) {
  signal.addEventListener('abort', () => console.log('unwatch', path), { once: true });
}
class Engine {
  fsw: any;
  watchRoot(path: string) {
    watchPath(path, this.fsw.lifecycle.abortController.signal);
  }
  watchParent(path: string) {
    const again = () => watchPath(path);
    again();
  }
}
`,
      output: `
function watchPath(path: string, signal: any) {
  signal.addEventListener('abort', () => console.log('unwatch', path), { once: true });
}
class Engine {
  fsw: any;
  watchRoot(path: string) {
    watchPath(path, this.fsw.lifecycle.abortController.signal);
  }
  watchParent(path: string) {
    const again = () => watchPath(path, this.fsw.lifecycle.abortController.signal);
    again();
  }
}
`,
      errors: [
        {
          ...missing(11, 25, 11, 40),
          data: { call: 'watchPath(path)', signal: 'this.fsw.lifecycle.abortController.signal', owner: '`again()`' },
        },
      ],
    },
  ],
});

// With types, a chain's declared type is evidence too, for and against.
typedRuleTester.run('require-signal-propagation: a member chain typed as a signal', rule, {
  valid: [
    `
class Runner {
  constructor(private readonly options: { signal: NodeJS.Signals }) {}
  describe() {
    return this.options.signal;
  }
  async load(url: string) {
    await fetch(url);
  }
}
`,
  ],
  invalid: [
    {
      code: `
class Poller {
  constructor(private readonly options: { signal: AbortSignal }) {}
  describe() {
    return this.options.signal;
  }
  async load(url: string) {
    await fetch(url);
  }
}
`,
      output: `
class Poller {
  constructor(private readonly options: { signal: AbortSignal }) {}
  describe() {
    return this.options.signal;
  }
  async load(url: string) {
    await fetch(url, { signal: this.options.signal });
  }
}
`,
      errors: [{ ...missing(8, 11, 8, 21), data: { call: 'fetch(url)', signal: 'this.options.signal', owner: '`load()`' } }],
    },
  ],
});
