import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A field initialiser runs once per instance, as a constructor does: a class whose field starts
// something no code of the class ends leaves one running per instance, and one made per run
// leaves one more each run. One the class ends is a start its owner must end.
const poller = (field: string, made: string, extra = '') => `
import express from 'express';

class Poller {
  private count = 0;
  ${field}
  poll(): void {
    this.count++;
  }
${extra}
}

const app = express();
app.get('/work', (req, res) => {
${made}
  res.end('ok');
});
`;

runInBothModes('no-repeated-subscription: classes whose fields start something', rule, {
  valid: [
    // Made once, before the route.
    poller('private timer = setInterval(() => this.poll(), 1000);', '  shared.poll();').replace('const app = express();', 'const app = express();\nconst shared = new Poller();'),
    // A method of the class ends it, and the route runs it.
    poller('private timer = setInterval(() => this.poll(), 1000);', "  const p = new Poller();\n  res.on('close', () => p.stop());", '  stop(): void {\n    clearInterval(this.timer);\n  }'),
    // A static field runs once, for the class.
    poller('static timer = setInterval(() => Poller.tick(), 1000);', '  new Poller().poll();', '  static tick(): void {}'),
    // A field holding a function starts nothing when the instance is made.
    poller('private start = () => setInterval(() => this.poll(), 1000);', '  new Poller().poll();'),
  ],
  invalid: [
    {
      code: poller('private timer = setInterval(() => this.poll(), 1000);', '  const p = new Poller();\n  p.poll();'),
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: 'new Poller()',
            every: 'on every request to this route',
            started: 'Poller (nothing ends an interval its field `timer` starts)',
          },
          line: 15,
          column: 13,
          suggestions: [],
        },
      ],
    },
    {
      // A connection kept in a field that a teardown quits, never called: the owner must close it.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
class Cache {
  private readonly redis = new Redis();
  get(key: string) {
    return this.redis.get(key);
  }
  async close(): Promise<void> {
    await this.redis.quit();
  }
}
cron.schedule('* * * * *', async () => {
  const cache = new Cache();
  console.log(await cache.get('jobs'));
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'new Cache()', every: 'on every tick of this cron job', started: 'Cache (its `close()` ends a Redis connection)' }, line: 14, column: 17 }],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: class fields in JavaScript', rule, {
  valid: [
    `
import cron from 'node-cron';
import * as fs from 'node:fs';
class Watcher {
  #watcher = fs.watch('.', () => this.changed());
  changed() {}
  close() {
    this.#watcher.close();
  }
}
cron.schedule('* * * * *', () => {
  const w = new Watcher();
  w.close();
});
`,
  ],
  invalid: [
    {
      code: `
import cron from 'node-cron';
import * as fs from 'node:fs';
class Watcher {
  #watcher = fs.watch('.', () => this.changed());
  changed() {}
}
cron.schedule('* * * * *', () => {
  new Watcher().changed();
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'new Watcher()', every: 'on every tick of this cron job', started: 'Watcher (nothing ends a file watcher its field `#watcher` starts)' }, line: 9, column: 3 }],
    },
  ],
});
