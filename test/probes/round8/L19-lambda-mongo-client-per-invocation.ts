// A scheduled (EventBridge, every 5 minutes) Lambda that expires stale carts.
import { MongoClient } from 'mongodb';

export const handler = async (event: { time: string }) => {
  const client = new MongoClient(process.env.MONGODB_URI ?? 'mongodb://localhost:27017');
  await client.connect();
  const cutoff = new Date(Date.parse(event.time) - 24 * 3_600_000);
  const { modifiedCount } = await client
    .db('shop')
    .collection('carts')
    .updateMany({ updatedAt: { $lt: cutoff }, state: 'open' }, { $set: { state: 'expired' } });
  return { expired: modifiedCount };
};
