import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A wait settled through a callback rather than a promise: the method adds listeners to the
// object itself, and their handlers take the call's listeners off again (`remove()`), which shows
// they are there for one wait. One that nothing takes off stays on the object after each call.
const writer = (removals: string): string => `
import { EventEmitter } from 'node:events';

export class Writer extends EventEmitter {
  whenReady(fn: (err?: Error) => void) {
    const ready = () => {
      remove();
      fn();
    };
    const failed = (err?: Error) => {
      remove();
      fn(err ?? new Error('closed'));
    };
    const remove = () => {${removals}
    };
    this.on('ready', ready);
    this.on('error', failed);
  }
}
`;

runInBothModes('no-leaked-subscription: listeners added for one wait settled through a callback', rule, {
  valid: [
    // both listeners are taken off when the wait is over
    writer("\n      this.removeListener('ready', ready);\n      this.removeListener('error', failed);"),
    // a handler that takes off a listener the call did not add is no wait of the call's
    `
import { EventEmitter } from 'node:events';

export class Feed extends EventEmitter {
  onData = (chunk: string) => console.log(chunk);
  constructor() {
    super();
    this.on('data', this.onData);
  }
  watchClose() {
    this.on('close', () => {
      this.removeListener('data', this.onData);
    });
  }
}
`,
    // a listener whose handler removes nothing is the object's own, for its life
    `
import { EventEmitter } from 'node:events';

export class Writer extends EventEmitter {
  count = 0;
  track() {
    this.on('ready', () => {
      this.count++;
    });
  }
}
`,
  ],
  invalid: [
    {
      code: writer("\n      this.removeListener('error', failed);"),
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.on('ready', ready)",
            label: "a 'ready' listener",
            target: 'this',
            outlives: 'the object itself',
            owner: '`whenReady()`',
            when: 'when the wait is over',
          },
          line: 17,
          column: 5,
          endLine: 17,
          endColumn: 12,
        },
      ],
    },
  ],
});
