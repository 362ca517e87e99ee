import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Class lifecycles across files: a member holding an instance of a class of ours is a handle the
// owner must end when that class's own code shows it holds something open, however it holds it.
const filename = path.join(fixturesDir, 'commonjs', 'worker.js');

javascriptRuleTester.run('no-leaked-subscription: a member holding an instance of a class of ours (JavaScript)', rule, {
  valid: [
    {
      // The owner's close() ends the renewer's self-re-arming timer.
      filename,
      code: `
const { Renewer } = require('./renewer');
class Worker {
  constructor(renew) {
    this.renewer = new Renewer(renew, 1000);
  }
  run() {
    this.renewer.start();
  }
  async close() {
    await this.renewer.close();
  }
}
module.exports = { Worker };
`,
    },
    {
      // Handed back to the caller, who owns it.
      filename,
      code: `
const { Renewer } = require('./renewer');
function renewer(renew) {
  const made = new Renewer(renew, 1000);
  made.start();
  return made;
}
module.exports = { renewer };
`,
    },
  ],
  invalid: [
    {
      // Renewer's timer re-arms itself from start() until close(): the owner's close() must end it.
      filename,
      code: `
const { Renewer } = require('./renewer');
class Worker {
  constructor(renew) {
    this.renewer = new Renewer(renew, 1000);
  }
  run() {
    this.renewer.start();
  }
  async close() {
    this.closing = true;
  }
}
module.exports = { Worker };
`,
      output: `
const { Renewer } = require('./renewer');
class Worker {
  constructor(renew) {
    this.renewer = new Renewer(renew, 1000);
  }
  run() {
    this.renewer.start();
  }
  async close() {
    this.closing = true;
    void this.renewer?.close();
  }
}
module.exports = { Worker };
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Renewer(renew, 1000)', member: 'this.renewer', teardown: 'close' },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 44,
        },
      ],
    },
  ],
});

// The same in TypeScript, typed (through the checker) and untyped (through the relative import).
runInBothModes('no-leaked-subscription: a member holding a class of ours that re-arms a timer', rule, {
  valid: [
    {
      filename: 'project/jobs.ts',
      code: `
import { Renewer } from './renewer';
export class Worker {
  private readonly renewer: Renewer;
  constructor(renew: () => Promise<void>) {
    this.renewer = new Renewer(renew, 1000);
  }
  run(): void {
    this.renewer.start();
  }
  async close(): Promise<void> {
    await this.renewer.close();
  }
}
`,
    },
  ],
  invalid: [
    {
      filename: 'project/jobs.ts',
      code: `
import { Renewer } from './renewer';
export class Worker {
  private readonly renewer: Renewer;
  constructor(renew: () => Promise<void>) {
    this.renewer = new Renewer(renew, 1000);
  }
  run(): void {
    this.renewer.start();
  }
  async close(): Promise<void> {
    console.log('closing');
  }
}
`,
      output: `
import { Renewer } from './renewer';
export class Worker {
  private readonly renewer: Renewer;
  constructor(renew: () => Promise<void>) {
    this.renewer = new Renewer(renew, 1000);
  }
  run(): void {
    this.renewer.start();
  }
  async close(): Promise<void> {
    console.log('closing');
    void this.renewer?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Renewer(renew, 1000)', member: 'this.renewer', teardown: 'close' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 44,
        },
      ],
    },
  ],
});
