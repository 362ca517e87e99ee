const amqp = require('amqplib');
const { once } = require('node:events');

const URL = process.env.AMQP_URL || 'amqp://127.0.0.1';

async function consumeOrders(handle) {
  const conn = await amqp.connect(URL);
  const channel = await conn.createChannel();
  await channel.assertQueue('orders', { durable: true });
  await channel.consume('orders', (msg) => {
    if (!msg) return;
    handle(JSON.parse(msg.content.toString()));
    channel.ack(msg);
  });
  await once(conn, 'close');
}

// Keep a consumer up: reconnect whenever the connection drops.
async function superviseConsumer(handle) {
  for (;;) {
    try {
      await consumeOrders(handle);
    } catch (err) {
      console.warn('amqp consumer failed, reconnecting', String(err));
    }
  }
}

superviseConsumer((order) => console.log('order', order.id));
