import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A package loaded by name at run time is that package, as if required: NestJS's `loadPackage`
// (known by its own provenance), a dynamic `import('m')`, and any call handed a loader of the very
// module it names (`this.loadPackage('kafkajs', ctx, () => import('kafkajs'))`).
runInBothModes('no-leaked-subscription: packages loaded by name at run time', rule, {
  valid: [
    // close() ends both clients the factory made
    `
import { loadPackage } from '@nestjs/common/internal';

export class ClientRedis {
  pubClient: any = null;
  subClient: any = null;
  async connect() {
    this.pubClient = await this.createClient();
    this.subClient = await this.createClient();
  }
  async close() {
    await this.pubClient?.quit();
    await this.subClient?.quit();
  }
  async createClient() {
    const redisPackage = await loadPackage('ioredis', ClientRedis.name, () => import('ioredis'));
    const RedisClient = redisPackage.default || redisPackage;
    return new RedisClient({ lazyConnect: true });
  }
}
`,
    // a call that names a module but is handed a loader of another: no evidence of what it returns
    `
export class ServerKafka {
  client: any = null;
  consumer: any = null;
  async listen() {
    this.client = await this.createClient();
    this.consumer = this.client.consumer({ groupId: 'g' });
  }
  async close() {
    this.consumer = null;
  }
  async createClient() {
    const kafkaPackage = await this.loadPackage('kafkajs', 'ServerKafka', () => import('./my-kafka'));
    return new kafkaPackage.Kafka({ brokers: [] });
  }
  loadPackage(name: string, ctx: string, loader: () => Promise<any>) {
    return loader();
  }
}
`,
    // a module name alone, without a loader: a name, not a provenance
    `
export class ServerKafka {
  client: any = null;
  consumer: any = null;
  async listen() {
    const kafkaPackage = await this.load('kafkajs');
    this.client = new kafkaPackage.Kafka({ brokers: [] });
    this.consumer = this.client.consumer({ groupId: 'g' });
  }
  async close() {
    this.consumer = null;
  }
  load(name: string): Promise<any> {
    return Promise.resolve({ name });
  }
}
`,
    // a dynamic import whose connection is quit in close()
    `
export class Cache {
  redis: any = null;
  async open() {
    const { default: Redis } = await import('ioredis');
    this.redis = new Redis();
  }
  async close() {
    await this.redis?.quit();
  }
}
`,
  ],
  invalid: [
    {
      // the factory's result is stored twice; close() ends only one of them
      code: `
import { loadPackage } from '@nestjs/common/internal';

export class ClientRedis {
  pubClient: any = null;
  subClient: any = null;
  async connect() {
    this.pubClient = await this.createClient();
    this.subClient = await this.createClient();
  }
  async close() {
    await this.subClient?.quit();
    this.subClient = null;
  }
  async createClient() {
    const redisPackage = await loadPackage('ioredis', ClientRedis.name, () => import('ioredis'));
    const RedisClient = redisPackage.default || redisPackage;
    return new RedisClient({ lazyConnect: true });
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new RedisClient({ lazyConnect: true })', label: 'a Redis connection', member: 'this.pubClient', teardown: 'close' },
          line: 18,
          column: 12,
          endLine: 18,
          endColumn: 50,
        },
      ],
      output: `
import { loadPackage } from '@nestjs/common/internal';

export class ClientRedis {
  pubClient: any = null;
  subClient: any = null;
  async connect() {
    this.pubClient = await this.createClient();
    this.subClient = await this.createClient();
  }
  async close() {
    await this.subClient?.quit();
    this.subClient = null;
    void this.pubClient?.quit();
  }
  async createClient() {
    const redisPackage = await loadPackage('ioredis', ClientRedis.name, () => import('ioredis'));
    const RedisClient = redisPackage.default || redisPackage;
    return new RedisClient({ lazyConnect: true });
  }
}
`,
    },
    {
      // loaded through an inherited method, handed a loader of the same module: a Kafka client
      code: `
import { Server } from './server';

export class ServerKafka extends Server {
  client: any = null;
  consumer: any = null;
  async listen() {
    this.client = await this.createClient();
    this.consumer = this.client.consumer({ groupId: 'g' });
    await this.consumer.connect();
  }
  async close() {
    this.consumer = null;
  }
  async createClient() {
    const kafkaPackage = await this.loadPackage('kafkajs', ServerKafka.name, () => import('kafkajs'));
    return new kafkaPackage.Kafka({ brokers: ['localhost:9092'] });
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: "this.client.consumer({ groupId: 'g' })", label: 'a Kafka consumer', member: 'this.consumer', teardown: 'close' },
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 41,
        },
      ],
    },
    {
      // a dynamic import is the module: the connection stored here is never quit
      code: `
export class Cache {
  redis: any = null;
  async open() {
    const { default: Redis } = await import('ioredis');
    this.redis = new Redis();
  }
  async close() {
    this.redis = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Redis()', label: 'a Redis connection', member: 'this.redis', teardown: 'close' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 29,
        },
      ],
    },
  ],
});

// A function of the file that only ever hands back `require('m')` (an optional dependency loaded
// on demand) is that module where it is called: `const pg = loadPgModule(); new pg.Pool(config)`.
runInBothModes('no-leaked-subscription: a function of the file that loads a package', rule, {
  valid: [
    // quit in finally
    `
function loadRedis() {
  try {
    return require('ioredis');
  } catch {
    throw new Error('install ioredis to use the Redis transport');
  }
}
export async function publish(channel: string, message: string) {
  const Redis = loadRedis();
  const client = new Redis();
  try {
    await client.publish(channel, message);
  } finally {
    await client.quit();
  }
}
`,
    // it may hand back what it was given instead: no evidence of what \`Redis\` is
    `
function loadRedis(custom?: any) {
  if (custom) return custom;
  return require('ioredis');
}
export function publish(channel: string, message: string) {
  const Redis = loadRedis();
  const client = new Redis();
  void client.publish(channel, message);
}
`,
  ],
  invalid: [
    {
      code: `
function loadRedis() {
  try {
    return require('ioredis');
  } catch {
    throw new Error('install ioredis to use the Redis transport');
  }
}
export function publish(channel: string, message: string) {
  const Redis = loadRedis();
  const client = new Redis();
  void client.publish(channel, message);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Redis()', label: 'a Redis connection', handle: 'client' },
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`publish()`' },
              output: `
function loadRedis() {
  try {
    return require('ioredis');
  } catch {
    throw new Error('install ioredis to use the Redis transport');
  }
}
export function publish(channel: string, message: string, signal?: AbortSignal) {
  const Redis = loadRedis();
  const client = new Redis();
  void client.publish(channel, message);
  if (signal?.aborted) void client.quit();
  else signal?.addEventListener('abort', () => void client.quit(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
