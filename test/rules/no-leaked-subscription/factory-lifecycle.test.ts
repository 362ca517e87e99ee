import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A connection a factory method returns and its caller stores on `this` answers to the class's
// teardown like one made where it is stored (@nestjs/microservices' ClientRedis:
// `this.pubClient = this.createClient()`, quit in `close()`).
runInBothModes('no-leaked-subscription: connections made by a factory method', rule, {
  valid: [
    `
import Redis from 'ioredis';

export class RedisTransport {
  private pubClient: Redis | undefined;
  private createClient(): Redis {
    return new Redis();
  }
  connect() {
    this.pubClient = this.createClient();
  }
  async close() {
    await this.pubClient?.quit();
  }
}
`,
    // The caller hands the factory's connection on instead of keeping it: its business.
    `
import Redis from 'ioredis';

export class Pool {
  private createClient(): Redis {
    return new Redis();
  }
  lend() {
    return this.createClient();
  }
  async close() {}
}
`,
  ],
  invalid: [
    {
      code: `
import Redis from 'ioredis';

export class RedisTransport {
  private pubClient: Redis | undefined;
  private createClient(): Redis {
    return new Redis();
  }
  connect() {
    this.pubClient = this.createClient();
  }
  async close() {
    console.log('closed');
  }
}
`,
      output: `
import Redis from 'ioredis';

export class RedisTransport {
  private pubClient: Redis | undefined;
  private createClient(): Redis {
    return new Redis();
  }
  connect() {
    this.pubClient = this.createClient();
  }
  async close() {
    console.log('closed');
    void this.pubClient?.quit();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { label: 'a Redis connection', member: 'this.pubClient', teardown: 'close', code: 'new Redis()' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 23,
        },
      ],
    },
  ],
});
