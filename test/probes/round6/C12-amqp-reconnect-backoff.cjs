const amqp = require('amqplib');
const { once } = require('node:events');
const { setTimeout: sleep } = require('node:timers/promises');

const URL = process.env.AMQP_URL || 'amqp://127.0.0.1';

async function consumeOrders(handle, signal) {
  const conn = await amqp.connect(URL);
  const closeOnAbort = () => void conn.close().catch(() => {});
  signal.addEventListener('abort', closeOnAbort, { once: true });
  try {
    const channel = await conn.createChannel();
    await channel.assertQueue('orders', { durable: true });
    await channel.consume('orders', (msg) => {
      if (!msg) return;
      handle(JSON.parse(msg.content.toString()));
      channel.ack(msg);
    });
    await once(conn, 'close');
  } finally {
    signal.removeEventListener('abort', closeOnAbort);
  }
}

// Keep a consumer up until shutdown: reconnect with a backoff whenever the connection drops.
async function superviseConsumer(handle, signal) {
  let delay = 500;
  while (!signal.aborted) {
    try {
      await consumeOrders(handle, signal);
      delay = 500;
    } catch (err) {
      console.warn('amqp consumer failed, reconnecting', String(err));
      await sleep(delay, undefined, { signal }).catch(() => {});
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());
superviseConsumer((order) => console.log('order', order.id), shutdown.signal);
