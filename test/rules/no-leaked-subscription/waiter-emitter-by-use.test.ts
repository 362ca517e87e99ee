import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// A class whose base we cannot see (required from another file) is an emitter when its own methods
// make it emit named events: a wait that adds listeners to `this` per call, and does not remove the
// ones that did not fire, leaves them on the object, one more per call. A use, never the class's name.
const base = `const Base = require('./base');
`;

javascriptRuleTester.run('no-leaked-subscription: a waiter on an object that is an emitter by use (JavaScript)', rule, {
  valid: [
    {
      // Both listeners removed whichever event wins.
      code: `${base}
class Connection extends Base {
  open() {
    this.emit('ready');
  }
  waitReady() {
    return new Promise((resolve, reject) => {
      const onReady = () => { this.off('error', onError); resolve(); };
      const onError = (err) => { this.off('ready', onReady); reject(err); };
      this.once('ready', onReady);
      this.once('error', onError);
    });
  }
}
module.exports = Connection;
`,
    },
    {
      // Nothing shows the object emits events: its \`once\` may be anything.
      code: `${base}
class Connection extends Base {
  waitReady() {
    return new Promise((resolve, reject) => {
      const onReady = () => { this.off('error', onError); resolve(); };
      const onError = (err) => reject(err);
      this.once('ready', onReady);
      this.once('error', onError);
    });
  }
}
module.exports = Connection;
`,
    },
  ],
  invalid: [
    {
      code: `${base}
class Connection extends Base {
  open() {
    this.emit('ready');
  }
  waitReady() {
    return new Promise((resolve, reject) => {
      const onReady = () => { this.off('error', onError); resolve(); };
      const onError = (err) => reject(err);
      this.once('ready', onReady);
      this.once('error', onError);
    });
  }
}
module.exports = Connection;
`,
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.once('ready', onReady)",
            label: "a one-shot 'ready' listener",
            target: 'this',
            outlives: 'the object itself',
            owner: '`waitReady()`',
            when: 'when another event ends the wait',
          },
          line: 11,
          column: 7,
          endLine: 11,
          endColumn: 16,
        },
      ],
    },
  ],
});
