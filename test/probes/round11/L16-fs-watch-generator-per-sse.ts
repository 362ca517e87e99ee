import Fastify from 'fastify';
import { watch } from 'node:fs/promises';

async function* changes(dir: string) {
  for await (const event of watch(dir, { recursive: true })) { // LEAK
    yield `${event.eventType} ${event.filename}`;
  }
}

const app = Fastify();

app.get('/changes', async (_request, reply) => {
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
  for await (const line of changes('/srv/content')) { // LEAK (helper)
    reply.raw.write(`data: ${line}\n\n`);
  }
});

await app.listen({ port: 3000 });
