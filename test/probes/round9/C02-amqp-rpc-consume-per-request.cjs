const amqp = require('amqplib');
const http = require('node:http');
const { randomUUID } = require('node:crypto');

async function main() {
  const conn = await amqp.connect('amqp://rabbit');
  const channel = await conn.createChannel();
  const { queue: replyTo } = await channel.assertQueue('', { exclusive: true });

  http.createServer(async (req, res) => {
    const correlationId = randomUUID();
    let consumerTag;
    const reply = new Promise((resolve) => {
      channel.consume(replyTo, (msg) => {
        if (msg && msg.properties.correlationId === correlationId) resolve(msg.content.toString());
      }, { noAck: true }).then((ok) => { consumerTag = ok.consumerTag; });
    });
    channel.sendToQueue('price_rpc', Buffer.from(req.url || ''), { correlationId, replyTo });
    try {
      res.end(await reply);
    } finally {
      if (consumerTag) await channel.cancel(consumerTag);
    }
  }).listen(8080);
}
main();
