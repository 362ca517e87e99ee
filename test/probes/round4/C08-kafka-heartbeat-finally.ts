import { Kafka } from 'kafkajs';

const kafka = new Kafka({ clientId: 'billing', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'billing' });

async function charge(payload: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 20_000, payload));
}

export async function run(): Promise<void> {
  await consumer.connect();
  await consumer.subscribe({ topic: 'invoices' });
  await consumer.run({
    eachMessage: async ({ message, heartbeat }) => {
      const beat = setInterval(() => void heartbeat(), 3000);
      try {
        await charge(message.value?.toString() ?? '');
      } finally {
        clearInterval(beat);
      }
    },
  });
}
