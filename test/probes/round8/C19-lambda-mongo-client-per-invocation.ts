// A scheduled (EventBridge, every 5 minutes) Lambda that expires stale carts. The client is made
// once per container and reused by every invocation that container serves.
import { MongoClient } from 'mongodb';

let connecting: Promise<MongoClient> | undefined;
const db = async () => (connecting ??= new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017').connect());

export const handler = async (event: { time: string }) => {
  const client = await db();
  const cutoff = new Date(Date.parse(event.time) - 24 * 3_600_000);
  const { modifiedCount } = await client
    .db('shop')
    .collection('carts')
    .updateMany({ updatedAt: { $lt: cutoff }, state: 'open' }, { $set: { state: 'expired' } });
  return { expired: modifiedCount };
};
