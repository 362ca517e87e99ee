import Hapi from '@hapi/hapi';

const server = Hapi.server({ port: 3000 });

async function runImport(payload) {
  return Array.isArray(payload) ? payload.length : 0;
}

server.events.on({ name: 'request', channels: 'error' }, (req, event) => {
  if (req.path === '/imports') console.error('import failed', req.info.id, event);
});

server.route({
  method: 'POST',
  path: '/imports',
  handler: async (request, h) => {
    const rows = await runImport(request.payload);
    return h.response({ importId: request.info.id, rows }).code(202);
  },
});

await server.start();
