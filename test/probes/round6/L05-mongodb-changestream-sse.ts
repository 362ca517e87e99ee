import Fastify from 'fastify';
import { MongoClient, type ChangeStreamDocument } from 'mongodb';

const mongo = new MongoClient(process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27017');
const tickets = mongo.db('support').collection('tickets');
const app = Fastify();

function toEvent(change: ChangeStreamDocument): string {
  return `data: ${JSON.stringify({ op: change.operationType })}\n\n`;
}

// Server-sent events: every change to one customer's tickets.
app.get<{ Params: { customer: string } }>('/customers/:customer/tickets/stream', (req, reply) => {
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const changes = tickets.watch([{ $match: { 'fullDocument.customer': req.params.customer } }], { fullDocument: 'updateLookup' });
  changes.on('change', (change) => reply.raw.write(toEvent(change)));
});

await mongo.connect();
await app.listen({ port: 3000 });
