import leakedRule from '../../../rules/no-leaked-subscription';
import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours whose constructor starts something no code of the class ever ends (no `close()`,
// no `clearInterval` anywhere): every instance leaves it running, and its owner has nothing to
// call. Made again and again, that is one more each time; there is no end to write, so no fix.
const meter = (made: string, extra = '') => `
import express from 'express';

class Meter {
  private count = 0;
  private rate = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  constructor(readonly name: string) {
    this.timer = setInterval(() => {
      this.rate = this.count;
      this.count = 0;
    }, 1000);
${extra}
  }
  mark(): void {
    this.count++;
  }
}

const app = express();
app.get('/work', (req, res) => {
${made}
  res.end('ok');
});
`;

runInBothModes('no-repeated-subscription: classes of ours that nothing can end', rule, {
  valid: [
    // Made once, before the route: one interval for the program.
    meter('  shared.mark();').replace('const app = express();', "const app = express();\nconst shared = new Meter('work');"),
    // The class ends it itself when its work is done.
    meter("  new Meter(req.path).mark();", '    setTimeout(() => clearInterval(this.timer), 5000);'),
    // Handed to an owner that keeps it: the owner's to end, not judged here.
    meter('  meters.set(req.path, new Meter(req.path));').replace('const app = express();', 'const app = express();\nconst meters = new Map<string, Meter>();'),
    // The owner reaches into what it holds and ends it there.
    meter("  const m = new Meter(req.path);\n  res.on('close', () => clearInterval(m['timer']));"),
    `
import Redis from 'ioredis';
import express from 'express';
class Store {
  readonly redis: Redis;
  constructor(url: string) {
    this.redis = new Redis(url);
  }
  get(key: string) {
    return this.redis.get(key);
  }
}
const app = express();
app.get('/b', async (req, res) => {
  const store = new Store(String(req.query.url));
  try {
    res.send(await store.get('k'));
  } finally {
    await store.redis.quit();
  }
});
`,
    // A timer that re-arms itself may stop on a flag of the instance, which a method sets.
    `
import express from 'express';
class Poller {
  private stopped = false;
  constructor() {
    this.poll();
  }
  poll(): void {
    if (this.stopped) return;
    setTimeout(() => this.poll(), 1000);
  }
  stop(): void {
    this.stopped = true;
  }
}
const app = express();
app.get('/a', (req, res) => {
  const poller = new Poller();
  res.on('close', () => poller.stop());
});
`,
    // One per element of a list read at start-up: a fixed number, for the program's life.
    `
class Poller {
  private readonly timer: ReturnType<typeof setInterval>;
  constructor(readonly url: string) {
    this.timer = setInterval(() => this.poll(), 1000);
  }
  poll(): void {}
}
export function main(urls: string[]) {
  for (const url of urls) new Poller(url).poll();
}
`,
    // A base class in another module may end what its subclass starts.
    `
import { EventEmitter } from 'node:events';
import express from 'express';
class Meter extends EventEmitter {
  private readonly timer: ReturnType<typeof setInterval>;
  constructor() {
    super();
    this.timer = setInterval(() => this.emit('tick'), 1000);
  }
}
const app = express();
app.get('/work', (req, res) => {
  new Meter().emit('start');
  res.end('ok');
});
`,
  ],
  invalid: [
    {
      code: meter('  const m = new Meter(req.path);\n  m.mark();'),
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: 'new Meter(req.path)',
            every: 'on every request to this route',
            started: 'Meter (nothing ends an interval its constructor starts)',
          },
          line: 22,
          column: 13,
          suggestions: [],
        },
      ],
    },
    {
      // A connection kept on `this` that no method quits, made on every tick.
      code: `
import Redis from 'ioredis';
import cron from 'node-cron';
class Cache {
  private readonly redis: Redis;
  constructor() {
    this.redis = new Redis();
  }
  get(key: string) {
    return this.redis.get(key);
  }
}
cron.schedule('* * * * *', async () => {
  const cache = new Cache();
  console.log(await cache.get('jobs'));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: 'new Cache()',
            every: 'on every tick of this cron job',
            started: 'Cache (nothing ends a Redis connection its constructor starts)',
          },
          line: 14,
          column: 17,
        },
      ],
    },
  ],
});

// Made in a function that may run once, or kept by an object whose teardown could not end it
// anyway: not judged, as nothing shows it is made again and again, and there is no end to write.
runInBothModes('no-leaked-subscription: classes of ours that nothing can end', leakedRule, {
  valid: [
    meter('').replace("app.get('/work', (req, res) => {\n\n  res.end('ok');\n});", "export function handle(name: string) {\n  new Meter(name).mark();\n}"),
    meter('').replace(
      "app.get('/work', (req, res) => {\n\n  res.end('ok');\n});",
      `export class Agent {
  private meter: Meter;
  constructor() {
    this.meter = new Meter('agent');
  }
  stop(): void {
    console.log('stopped');
  }
}`,
    ),
  ],
  invalid: [],
});
