import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A factory method's result kept in several members, and a client a method of the class hands back.
runInBothModes('no-leaked-subscription: what a factory method of the class hands back', rule, {
  valid: [
    // close() quits both connections the factory made
    `
import Redis from 'ioredis';

export class ServerRedis {
  subClient: Redis | null = null;
  pubClient: Redis | null = null;
  async listen() {
    this.subClient = this.createRedisClient();
    this.pubClient = this.createRedisClient();
  }
  async close() {
    await this.subClient?.quit();
    await this.pubClient?.quit();
  }
  createRedisClient() {
    return new Redis({ lazyConnect: true });
  }
}
`,
    // close() disconnects the producer of the client createClient() made
    `
import { Kafka } from 'kafkajs';

export class ServerKafka {
  client: any = null;
  producer: any = null;
  async listen() {
    this.client = await this.createClient();
    this.producer = this.client.producer();
    await this.producer.connect();
  }
  async close() {
    await this.producer?.disconnect();
    this.client = null;
  }
  async createClient() {
    return new Kafka({ clientId: 'app', brokers: ['localhost:9092'] });
  }
}
`,
    // the member keeps the promise; the connection it settles to is kept in natsClient and closed
    `
import { connect } from 'nats';

export class ClientNats {
  natsClient: any = null;
  connectionPromise: Promise<any> | null = null;
  async connect() {
    if (this.connectionPromise) return this.connectionPromise;
    const connectionPromise = this.createClient();
    this.connectionPromise = connectionPromise;
    const natsClient = await connectionPromise.catch((err) => {
      this.connectionPromise = null;
      throw err;
    });
    this.natsClient = natsClient;
    return this.natsClient;
  }
  async close() {
    await this.natsClient?.close();
    this.connectionPromise = null;
  }
  async createClient() {
    return connect({ servers: 'nats://localhost:4222' });
  }
}
`,
  ],
  invalid: [
    {
      // each member holding the factory's connection must be ended: pubClient is not
      code: `
import Redis from 'ioredis';

export class ServerRedis {
  subClient: Redis | null = null;
  pubClient: Redis | null = null;
  async listen() {
    this.subClient = this.createRedisClient();
    this.pubClient = this.createRedisClient();
  }
  async close() {
    await this.subClient?.quit();
  }
  createRedisClient() {
    return new Redis({ lazyConnect: true });
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Redis({ lazyConnect: true })', label: 'a Redis connection', member: 'this.pubClient', teardown: 'close' },
          line: 15,
          column: 12,
          endLine: 15,
          endColumn: 44,
        },
      ],
      output: `
import Redis from 'ioredis';

export class ServerRedis {
  subClient: Redis | null = null;
  pubClient: Redis | null = null;
  async listen() {
    this.subClient = this.createRedisClient();
    this.pubClient = this.createRedisClient();
  }
  async close() {
    await this.subClient?.quit();
    void this.pubClient?.quit();
  }
  createRedisClient() {
    return new Redis({ lazyConnect: true });
  }
}
`,
    },
    {
      // createClient() hands back a Kafka client: its producer is a connection close() forgets
      code: `
import { Kafka } from 'kafkajs';

export class ServerKafka {
  client: any = null;
  producer: any = null;
  async listen() {
    this.client = await this.createClient();
    this.producer = this.client.producer();
    await this.producer.connect();
  }
  async close() {
    this.client = null;
  }
  async createClient() {
    return new Kafka({ clientId: 'app', brokers: ['localhost:9092'] });
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'this.client.producer()', label: 'a Kafka producer', member: 'this.producer', teardown: 'close' },
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 41,
        },
      ],
      output: `
import { Kafka } from 'kafkajs';

export class ServerKafka {
  client: any = null;
  producer: any = null;
  async listen() {
    this.client = await this.createClient();
    this.producer = this.client.producer();
    await this.producer.connect();
  }
  async close() {
    this.client = null;
    void this.producer?.disconnect();
  }
  async createClient() {
    return new Kafka({ clientId: 'app', brokers: ['localhost:9092'] });
  }
}
`,
    },
  ],
});
