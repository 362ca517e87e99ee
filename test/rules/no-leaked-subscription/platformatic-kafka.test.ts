import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: clients of the platformatic kafka package', rule, {
  valid: [
    // disconnect() closes the stream, the consumer and the producer
    `
import { Admin, Consumer, Producer } from '@platformatic/kafka';

export class KafkaTransporter {
  producer: Producer | null = null;
  consumer: Consumer | null = null;
  stream: any = null;
  async connect() {
    this.producer = new Producer({ clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.consumer = new Consumer({ groupId: 'g', clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.stream = await this.consumer.consume({ topics: ['events'] });
    this.stream.on('data', (message: unknown) => console.log(message));
  }
  async disconnect() {
    await this.stream?.close();
    await this.consumer?.close();
    await this.producer?.close();
  }
}
`,
    // an admin client closed in finally
    `
import { Admin } from '@platformatic/kafka';

export async function topicNames(brokers: string[]) {
  const admin = new Admin({ clientId: 'tool', bootstrapBrokers: brokers });
  try {
    return await admin.listTopics();
  } finally {
    await admin.close();
  }
}
`,
  ],
  invalid: [
    {
      // disconnect() forgets the producer
      code: `
import { Admin, Consumer, Producer } from '@platformatic/kafka';

export class KafkaTransporter {
  producer: Producer | null = null;
  consumer: Consumer | null = null;
  stream: any = null;
  async connect() {
    this.producer = new Producer({ clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.consumer = new Consumer({ groupId: 'g', clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.stream = await this.consumer.consume({ topics: ['events'] });
    this.stream.on('data', (message: unknown) => console.log(message));
  }
  async disconnect() {
    await this.stream?.close();
    await this.consumer?.close();
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Producer(…)', label: 'a Kafka producer', member: 'this.producer', teardown: 'disconnect' },
          line: 9,
          column: 21,
          endLine: 9,
          endColumn: 92,
        },
      ],
      output: `
import { Admin, Consumer, Producer } from '@platformatic/kafka';

export class KafkaTransporter {
  producer: Producer | null = null;
  consumer: Consumer | null = null;
  stream: any = null;
  async connect() {
    this.producer = new Producer({ clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.consumer = new Consumer({ groupId: 'g', clientId: 'app', bootstrapBrokers: ['localhost:9092'] });
    this.stream = await this.consumer.consume({ topics: ['events'] });
    this.stream.on('data', (message: unknown) => console.log(message));
  }
  async disconnect() {
    await this.stream?.close();
    await this.consumer?.close();
    void this.producer?.close();
  }
}
`,
    },
    {
      // an admin client made per call and never closed
      code: `
import { Admin } from '@platformatic/kafka';

export async function topicNames(brokers: string[]) {
  const admin = new Admin({ clientId: 'tool', bootstrapBrokers: brokers });
  return admin.listTopics();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 75,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`topicNames()`' }, output: `
import { Admin } from '@platformatic/kafka';

export async function topicNames(brokers: string[], signal?: AbortSignal) {
  const admin = new Admin({ clientId: 'tool', bootstrapBrokers: brokers });
  if (signal?.aborted) void admin.close();
  else signal?.addEventListener('abort', () => void admin.close(), { once: true });
  return admin.listTopics();
}
` }],
        },
      ],
    },
  ],
});
