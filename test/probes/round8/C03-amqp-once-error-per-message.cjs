const amqp = require('amqplib');

async function main() {
  const conn = await amqp.connect('amqp://localhost');
  const channel = await conn.createChannel();
  await channel.assertQueue('thumbnails');
  await channel.consume('thumbnails', async (msg) => {
    if (!msg) return;
    const failed = (err) => console.error('channel failed while making', msg.content.toString(), err);
    channel.once('error', failed);
    try {
      await makeThumbnail(msg.content.toString());
      channel.ack(msg);
    } finally {
      channel.removeListener('error', failed);
    }
  });
}

async function makeThumbnail(_path) {}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
