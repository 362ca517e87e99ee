import Hapi from '@hapi/hapi';

const server = Hapi.server({ port: 3000 });

async function runImport(payload) {
  return Array.isArray(payload) ? payload.length : 0;
}

server.route({
  method: 'POST',
  path: '/imports',
  handler: async (request, h) => {
    const importId = request.info.id;
    server.events.on({ name: 'request', channels: 'error' }, (req, event) => { // LEAK
      if (req.info.id === importId) console.error('import failed', event);
    });
    const rows = await runImport(request.payload);
    return h.response({ importId, rows }).code(202);
  },
});

await server.start();
