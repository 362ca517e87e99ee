import Fastify from 'fastify';
import { watch } from 'node:fs/promises';

async function* changes(dir: string, signal: AbortSignal) {
  try {
    for await (const event of watch(dir, { recursive: true, signal })) {
      yield `${event.eventType} ${event.filename}`;
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}

const app = Fastify();

app.get('/changes', async (_request, reply) => {
  const closed = new AbortController();
  reply.raw.on('close', () => closed.abort());
  reply.hijack();
  reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
  for await (const line of changes('/srv/content', closed.signal)) {
    reply.raw.write(`data: ${line}\n\n`);
  }
});

await app.listen({ port: 3000 });
