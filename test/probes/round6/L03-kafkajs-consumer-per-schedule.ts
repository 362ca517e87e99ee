import schedule from 'node-schedule';
import { Kafka, type EachMessagePayload } from 'kafkajs';

const kafka = new Kafka({ clientId: 'reconciler', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
const seen = new Map<string, number>();

function record({ message }: EachMessagePayload): Promise<void> {
  const key = message.key?.toString() ?? 'none';
  seen.set(key, (seen.get(key) ?? 0) + 1);
  return Promise.resolve();
}

// Every hour: catch up on the payments topic and reconcile what arrived.
async function reconcile(): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'reconciler' });
  await consumer.connect();
  await consumer.subscribe({ topics: ['payments'], fromBeginning: false });
  await consumer.run({ eachMessage: record });
  console.log('reconciled', seen.size);
}

schedule.scheduleJob('0 * * * *', () => {
  reconcile().catch((err) => console.error('reconcile failed', err));
});
