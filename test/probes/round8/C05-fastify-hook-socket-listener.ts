import Fastify from 'fastify';

const app = Fastify({ logger: true });

// Count the requests each keep-alive connection served, logged when the connection closes.
app.addHook('onRequest', async (request, reply) => {
  const socket = request.raw.socket;
  const served = ((socket as any).served = ((socket as any).served ?? 0) + 1);
  const onClose = () => request.log.info({ served }, 'connection closed');
  socket.on('close', onClose);
  reply.raw.once('close', () => socket.off('close', onClose));
});

app.get('/health', async () => ({ ok: true }));

await app.listen({ port: 3000 });
