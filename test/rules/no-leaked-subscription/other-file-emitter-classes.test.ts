import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// `new Pool()` of a class another of our files declares is of the kind that class inherits, as one
// of this file would be: `class Pool extends EventEmitter` (test/fixtures/project/pool.ts) makes
// `this.pool` an emitter without types too, and a listener a waiter leaves on it is reported. A
// class of that file that inherits nothing (`Store`, whose own `on` hands back an unbind) is no
// emitter. The same holds for a local class whose base is that file's class, and for an ES5 class
// required from a relative path (test/fixtures/commonjs/pool.js, `util.inherits(Pool, EventEmitter)`).
const waiter = (made: string, base = ''): string => `
import { Pool, Store } from './pool';
${base}
export class Client {
  pool: ${made.replace(/^new (\w+)\(\)$/, '$1')};
  store = new Store();
  constructor() {
    this.pool = ${made};
  }
  waitFor(name: string) {
    return new Promise((resolve) => {
      const onAdded = (added: string) => {
        if (added === name) resolve(added);
      };
      this.pool.on('added', onAdded);
    });
  }
}
`;

const leftByWaiter = (line: number) => ({
  messageId: 'listenerLeftByWaiter' as const,
  data: {
    code: "this.pool.on('added', onAdded)",
    label: "an 'added' listener",
    target: 'this.pool',
    outlives: 'kept by the object',
    owner: '`waitFor()`',
    when: 'when the wait is over',
  },
  line,
  column: 7,
  endLine: line,
  endColumn: 19,
});

runInBothModes('no-leaked-subscription: an instance of another file\'s emitter class', rule, {
  valid: [
    {
      // The waiter removes its listener once the wait is over.
      filename: 'project/jobs.ts',
      code: waiter('new Pool()').replace(
        "if (added === name) resolve(added);",
        "if (added === name) { this.pool.off('added', onAdded); resolve(added); }",
      ),
    },
    {
      // A class of that file that inherits nothing is no emitter: its `on` is its own API.
      filename: 'project/jobs.ts',
      code: waiter('new Pool()').replace("this.pool.on('added', onAdded);", "this.store.on('added', () => onAdded(name));"),
    },
  ],
  invalid: [
    { filename: 'project/jobs.ts', code: waiter('new Pool()'), errors: [leftByWaiter(15)] },
    {
      // A class of this file whose base is that file's emitter class.
      filename: 'project/jobs.ts',
      code: waiter('new Jobs()', 'class Jobs extends Pool {}'),
      errors: [leftByWaiter(15)],
    },
  ],
});

const filename = path.join(fixturesDir, 'commonjs', 'worker.js');

javascriptRuleTester.run('no-leaked-subscription: an instance of another file\'s ES5 emitter class (JavaScript)', rule, {
  valid: [
    {
      // Made fresh for one call and dropped with its listener.
      filename,
      code: `
const Pool = require('./pool');
function waitFor(name) {
  const pool = new Pool();
  return new Promise((resolve) => pool.on('added', (added) => added === name && resolve(added)));
}
module.exports = { waitFor };
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
const Pool = require('./pool');
class Client {
  constructor() {
    this.pool = new Pool();
  }
  waitFor(name) {
    return new Promise((resolve) => {
      const onAdded = (added) => {
        if (added === name) resolve(added);
      };
      this.pool.on('added', onAdded);
    });
  }
}
module.exports = Client;
`,
      errors: [{ messageId: 'listenerLeftByWaiter', line: 12, column: 7, endLine: 12, endColumn: 19 }],
    },
  ],
});
