const { Kafka } = require('kafkajs');

const kafka = new Kafka({ clientId: 'provisioner', brokers: ['kafka:9092'] });

async function ensureTopics(topics) {
  const admin = kafka.admin();
  await admin.connect(); // LEAK
  await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 6 })) });
  await admin.disconnect();
}

async function provision(topics) {
  for (let attempt = 1; attempt <= 10; attempt++) {
    try {
      await ensureTopics(topics); // LEAK (helper)
      return;
    } catch (err) {
      console.warn(`attempt ${attempt} failed`, err);
      await new Promise((resolve) => setTimeout(resolve, attempt * 1000));
    }
  }
  throw new Error('could not provision topics');
}

provision(['orders', 'payments']).catch((err) => {
  console.error(err);
  process.exit(1);
});
