import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener a class adds to a member that may hold the caller's object (`this.redis =
// this.options.redis` on one path, its own client on another): the class's teardown must remove
// it, or close the member whatever it holds (node-resque src/core/connection.ts:147).
const connection = (teardown: string, setup = `this.redis.on('error', this.onError);`, end = 'end') => `
import Redis from 'ioredis';

interface Options { redis?: Redis; host?: string }

export class Connection {
  redis!: Redis;
  constructor(private options: Options = {}) {}
  onError = (error: Error) => console.error(error);
  async connect() {
    this.redis = this.options.redis ?? new Redis(this.options.host ?? 'localhost');
    ${setup}
  }
  ${end}() {
    ${teardown}
  }
}
`;

// node-resque's shape: the handlers kept in a map, added and removed by iterating it.
const handlerMap = (removal: string) => `
import { EventEmitter } from 'node:events';
import Redis from 'ioredis';

export class Connection extends EventEmitter {
  redis!: Redis;
  private listeners: Record<string, (...args: any[]) => void> = {};
  constructor(private options: { redis?: Redis } = {}) {
    super();
  }
  connect() {
    this.redis = this.options.redis ? this.options.redis : new Redis();
    this.listeners.error = (error: Error) => this.emit('error', error);
    Object.entries(this.listeners).forEach(([event, handler]) => {
      this.redis.on(event, handler);
    });
  }
  end() {${removal}
    if (!this.options.redis) this.redis.disconnect();
  }
}
`;

runInBothModes('no-leaked-subscription: a listener on a member that may be the caller\'s object', rule, {
  valid: [
    handlerMap(`
    Object.entries(this.listeners).forEach(([event, handler]) => {
      this.redis.off(event, handler);
    });`),
    // the teardown removes it
    connection(`this.redis.off('error', this.onError);\n    if (!this.options.redis) void this.redis.quit();`),
    // the teardown closes the member whatever it holds: the listener goes with it
    connection(`void this.redis.quit();`),
    // no teardown: end() closes nothing, and nothing else says the object ends before the client
    connection(`this.options = {};`),
    // a one-shot listener
    connection(`if (!this.options.redis) void this.redis.quit();`, `this.redis.once('ready', () => console.log('ready'));`),
    // every value is the class's own client: it goes with the client
    `
import Redis from 'ioredis';

export class Own {
  redis!: Redis;
  onError = (error: Error) => console.error(error);
  connect() {
    this.redis = new Redis();
    this.redis.on('error', this.onError);
  }
  end() {
    void this.redis.quit();
  }
}
`,
    // no teardown: an object that lives as long as the program, as far as this file shows
    `
import Redis from 'ioredis';

export class Pinger {
  redis: Redis;
  constructor(redis?: Redis) {
    this.redis = redis ?? new Redis();
  }
  onError = (error: Error) => console.error(error);
  connect() {
    this.redis.on('error', this.onError);
  }
}
`,
  ],
  invalid: [
    {
      code: handlerMap(''),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.redis.on(event, handler)', label: 'a listener', target: 'this.redis', outlives: 'given to the object' },
          line: 15,
          column: 7,
          endLine: 15,
          endColumn: 20,
        },
      ],
    },
    {
      // closes only the client it made, removes nothing from the caller's
      code: connection(`if (!this.options.redis) void this.redis.quit();`),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.redis.on('error', this.onError)", label: "an 'error' listener", target: 'this.redis', outlives: 'given to the object' },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 18,
        },
      ],
    },
    {
      // the teardown, close(), ends nothing at all
      code: connection(`this.options = {};`, undefined, 'close'),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "this.redis.on('error', this.onError)", label: "an 'error' listener", target: 'this.redis', outlives: 'given to the object' },
          line: 12,
          column: 5,
          endLine: 12,
          endColumn: 18,
        },
      ],
    },
  ],
});
