import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: kafkajs', rule, {
  valid: [
    // disconnected on abort of the caller's signal
    `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function consumeOrders(signal: AbortSignal, onOrder: (value: string) => void) {
  const consumer = kafka.consumer({ groupId: 'orders' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders' });
  await consumer.run({ eachMessage: async ({ message }) => onOrder(String(message.value)) });
  signal.addEventListener('abort', () => void consumer.disconnect(), { once: true });
}
`,
    // the producer is disconnected in finally
    `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function publishOrder(order: string) {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic: 'orders', messages: [{ value: order }] });
  } finally {
    await producer.disconnect();
  }
}
`,
    // the consumer is handed to the caller, who disconnects it
    `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function startConsumer() {
  const consumer = kafka.consumer({ groupId: 'orders' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders' });
  return consumer;
}
`,
    // made once in main, for the life of the program (the kafkajs getting-started idiom)
    `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

async function main() {
  const consumer = kafka.consumer({ groupId: 'test-group' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'test-topic', fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => console.log(message.value?.toString()) });
}

void main();
`,
    // stored on the service that stops it
    `
import { Kafka } from 'kafkajs';
import type { Consumer } from 'kafkajs';

export class OrdersService {
  private consumer: Consumer | undefined;
  constructor(private readonly kafka: Kafka) {}
  async start() {
    this.consumer = this.kafka.consumer({ groupId: 'orders' });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: 'orders' });
  }
  async stop() {
    await this.consumer?.disconnect();
  }
}
`,
  ],
  invalid: [
    {
      // a consumer made, subscribed and run on every call, never disconnected
      code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function consumeOrders(onOrder: (value: string) => void) {
  const consumer = kafka.consumer({ groupId: 'orders' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => onOrder(String(message.value)) });
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a Kafka subscription', connection: 'consumer', code: 'consumer.subscribe(…)' },
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`consumeOrders()`' },
              output: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function consumeOrders(onOrder: (value: string) => void, signal?: AbortSignal) {
  const consumer = kafka.consumer({ groupId: 'orders' });
  if (signal?.aborted) void consumer.disconnect();
  else signal?.addEventListener('abort', () => void consumer.disconnect(), { once: true });
  await consumer.connect();
  await consumer.subscribe({ topic: 'orders', fromBeginning: true });
  await consumer.run({ eachMessage: async ({ message }) => onOrder(String(message.value)) });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a producer connected per call and never disconnected
      code: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function publishOrder(order: string) {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ value: order }] });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Kafka producer', handle: 'producer', code: 'kafka.producer()' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`publishOrder()`' },
              output: `
import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'app', brokers: ['kafka:9092'] });

export async function publishOrder(order: string, signal?: AbortSignal) {
  const producer = kafka.producer();
  if (signal?.aborted) void producer.disconnect();
  else signal?.addEventListener('abort', () => void producer.disconnect(), { once: true });
  await producer.connect();
  await producer.send({ topic: 'orders', messages: [{ value: order }] });
}
`,
            },
          ],
        },
      ],
    },
    {
      // with a signal in scope, --fix disconnects the consumer on abort
      code: `
import { Kafka } from 'kafkajs';

export async function follow(kafka: Kafka, signal: AbortSignal, onEvent: (value: string) => void) {
  const consumer = kafka.consumer({ groupId: 'events' });
  await consumer.connect();
  await consumer.subscribe({ topic: 'events' });
  await consumer.run({ eachMessage: async ({ message }) => onEvent(String(message.value)) });
}
`,
      output: `
import { Kafka } from 'kafkajs';

export async function follow(kafka: Kafka, signal: AbortSignal, onEvent: (value: string) => void) {
  const consumer = kafka.consumer({ groupId: 'events' });
  if (signal.aborted) void consumer.disconnect();
  else signal.addEventListener('abort', () => void consumer.disconnect(), { once: true });
  await consumer.connect();
  await consumer.subscribe({ topic: 'events' });
  await consumer.run({ eachMessage: async ({ message }) => onEvent(String(message.value)) });
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a Kafka subscription', connection: 'consumer', code: "consumer.subscribe({ topic: 'events' })" },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 27,
        },
      ],
    },
  ],
});
