import cron from 'node-cron';
import { connect, StringCodec, type NatsConnection } from 'nats';

const sc = StringCodec();
const lastPrice = new Map<string, number>();

async function trackPrices(nc: NatsConnection): Promise<void> {
  const sub = nc.subscribe('prices.>');
  for await (const msg of sub) {
    lastPrice.set(msg.subject.slice('prices.'.length), Number(sc.decode(msg.data)));
  }
}

const nc = await connect({ servers: process.env.NATS_URL ?? 'nats://127.0.0.1:4222' });
// Tracked once for the connection's life; the subscription ends when the connection drains.
void trackPrices(nc);
process.once('SIGTERM', () => void nc.drain());

// Every minute: publish a snapshot.
cron.schedule('* * * * *', () => {
  nc.publish('prices.snapshot', sc.encode(JSON.stringify(Object.fromEntries(lastPrice))));
});
