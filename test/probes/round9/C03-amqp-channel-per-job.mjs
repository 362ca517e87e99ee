import amqp from 'amqplib';
import cron from 'node-cron';

const conn = await amqp.connect('amqp://rabbit');

async function publishDigest(userIds) {
  const ch = await conn.createChannel();
  try {
    await ch.assertQueue('digests', { durable: true });
    for (const id of userIds) ch.sendToQueue('digests', Buffer.from(String(id)));
  } finally {
    await ch.close();
  }
}

cron.schedule('*/10 * * * *', async () => {
  await publishDigest([1, 2, 3]);
});
