import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A consumer's message handler runs once per delivery: amqplib's `channel.consume(queue, onMessage)`,
// kafkajs's `consumer.run({ eachMessage })`. What it starts and does not end piles up per message.
runInBothModes('no-repeated-subscription: message handlers of consumers', rule, {
  valid: [
    // A channel per message, closed when the message is handled.
    `
import amqp from 'amqplib';

export async function start(url: string) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.consume('commands', async (msg) => {
    if (!msg) return;
    const replies = await connection.createChannel();
    try {
      replies.sendToQueue('replies', Buffer.from('ok'));
    } finally {
      await replies.close();
    }
    channel.ack(msg);
  });
  return connection;
}
`,
    // A heartbeat per Kafka message, cleared when it is handled.
    `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['localhost:9092'] }).consumer({ groupId: 'g' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      const alive = setInterval(() => console.log('still working'), 5000);
      try {
        await handle(message.value);
      } finally {
        clearInterval(alive);
      }
    },
  });
}
`,
  ],
  invalid: [
    {
      code: `
import amqp from 'amqplib';

export async function start(url: string) {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.consume('commands', async (msg) => {
    if (!msg) return;
    const replies = await connection.createChannel();
    replies.sendToQueue('replies', Buffer.from('ok'));
    channel.ack(msg);
  });
  return connection;
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'connection.createChannel()', every: 'for every message this consumer receives', started: 'AMQP channel' },
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 51,
        },
      ],
    },
    {
      code: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['localhost:9092'] }).consumer({ groupId: 'g' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  await consumer.run({
    eachMessage: async ({ message }) => {
      setInterval(() => console.log('still working'), 5000);
      await handle(message.value);
    },
  });
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: 'for every message this consumer receives', started: 'interval' },
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`consumer.run(…)`' },
              output: `
import { Kafka } from 'kafkajs';

const consumer = new Kafka({ brokers: ['localhost:9092'] }).consumer({ groupId: 'g' });

export async function start(handle: (value: Buffer | null) => Promise<void>) {
  setInterval(() => console.log('still working'), 5000);
  await consumer.run({
    eachMessage: async ({ message }) => {
      await handle(message.value);
    },
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
