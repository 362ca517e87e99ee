import Fastify, { type FastifyRequest } from 'fastify';

const app = Fastify({ logger: false });

interface ImportBody { url: string }

async function importFeed(req: FastifyRequest<{ Body: ImportBody }>): Promise<number> {
  // Log the request that was running if the process is about to die of an unhandled rejection.
  process.on('unhandledRejection', (reason) => {
    console.error(`import ${req.id} (${req.body.url}) running at unhandled rejection`, reason);
  });
  const res = await fetch(req.body.url);
  const text = await res.text();
  return text.split('\n').length;
}

app.post<{ Body: ImportBody }>('/imports', async (req) => {
  const lines = await importFeed(req);
  return { lines };
});

await app.listen({ port: 3000 });
