import schedule from 'node-schedule';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, type EachMessagePayload } from 'kafkajs';

const kafka = new Kafka({ clientId: 'reconciler', brokers: (process.env.KAFKA_BROKERS ?? 'localhost:9092').split(',') });
const seen = new Map<string, number>();

function record({ message }: EachMessagePayload): Promise<void> {
  const key = message.key?.toString() ?? 'none';
  seen.set(key, (seen.get(key) ?? 0) + 1);
  return Promise.resolve();
}

// Every hour: catch up on the payments topic for one minute, then leave the group.
async function reconcile(): Promise<void> {
  const consumer = kafka.consumer({ groupId: 'reconciler' });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: ['payments'], fromBeginning: false });
    await consumer.run({ eachMessage: record });
    await sleep(60_000);
  } finally {
    await consumer.disconnect();
  }
  console.log('reconciled', seen.size);
}

schedule.scheduleJob('0 * * * *', () => {
  reconcile().catch((err) => console.error('reconcile failed', err));
});
