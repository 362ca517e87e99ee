const amqp = require('amqplib');
const http = require('node:http');
const { randomUUID } = require('node:crypto');

async function main() {
  const conn = await amqp.connect('amqp://rabbit');
  const channel = await conn.createChannel();
  const { queue: replyTo } = await channel.assertQueue('', { exclusive: true });

  http.createServer(async (req, res) => {
    const correlationId = randomUUID();
    const reply = new Promise((resolve) => {
      channel.consume(replyTo, (msg) => { // LEAK
        if (msg && msg.properties.correlationId === correlationId) resolve(msg.content.toString());
      }, { noAck: true });
    });
    channel.sendToQueue('price_rpc', Buffer.from(req.url || ''), { correlationId, replyTo });
    res.end(await reply);
  }).listen(8080);
}
main();
