import * as path from 'node:path';

import rule from '../../../rules/no-leaked-subscription';
import { fixturesDir, javascriptRuleTester } from '../../ruleTester';

// A teardown that calls `super.stop()` of a base class in another file (test/fixtures/commonjs/
// service.js, closingService.js): the base's code is read, following the hooks it calls on `this`
// back into the subclass. It ends a member only if it reads it; one it never reads stays open.
const filename = path.join(fixturesDir, 'commonjs', 'discoverer.js');

javascriptRuleTester.run('no-leaked-subscription: a teardown that runs a base class of another file', rule, {
  valid: [
    {
      // The override ends it after the base's stop().
      filename,
      code: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  stop() { return super.stop().then(() => this.client.quit()); }
}
module.exports = Discoverer;
`,
    },
    {
      // The base's stop() calls the onStop() hook, which the subclass fills in to end it.
      filename,
      code: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  onStop() { this.client.quit(); }
  stop() { return super.stop(); }
}
module.exports = Discoverer;
`,
    },
    {
      // The base's stop() reads this.client, and ends it.
      filename,
      code: `
const Redis = require('ioredis');
const ClosingService = require('./closingService');
class Discoverer extends ClosingService {
  init() { this.client = new Redis(); }
  stop() { this.stopped = true; return super.stop(); }
}
module.exports = Discoverer;
`,
    },
    {
      // The base's stop() takes this.client out of \`this\` by destructuring, and ends it.
      filename,
      code: `
const Redis = require('ioredis');
const DestructuringService = require('./destructuringService');
class Discoverer extends DestructuringService {
  init() { this.client = new Redis(); }
  stop() { this.stopped = true; return super.stop(); }
}
module.exports = Discoverer;
`,
    },
    {
      // A base that is not one of our files: its stop() may end anything.
      filename,
      code: `
const Redis = require('ioredis');
const { Service } = require('some-framework');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  stop() { return super.stop(); }
}
module.exports = Discoverer;
`,
    },
  ],
  invalid: [
    {
      // The base's stop() clears its own timer and never reads this.client.
      filename,
      code: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  stop() { return super.stop().then(() => { this.stopped = true; }); }
}
module.exports = Discoverer;
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis()', member: 'this.client', teardown: 'stop' }, line: 5, column: 26, endLine: 5, endColumn: 37 }],
      output: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  stop() { void this.client?.quit();
  return super.stop().then(() => { this.stopped = true; }); }
}
module.exports = Discoverer;
`,
    },
    {
      // The inherited stop() itself, called by no override: it never reads this.client.
      filename,
      code: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  close() { this.stop(); }
}
module.exports = Discoverer;
`,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis()', member: 'this.client', teardown: 'close' }, line: 5, column: 26, endLine: 5, endColumn: 37 }],
      output: `
const Redis = require('ioredis');
const Service = require('./service');
class Discoverer extends Service {
  init() { this.client = new Redis(); }
  close() { this.stop();
  void this.client?.quit(); }
}
module.exports = Discoverer;
`,
    },
  ],
});
