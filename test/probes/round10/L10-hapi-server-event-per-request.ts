import Hapi from '@hapi/hapi';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/report/{id}',
  handler: async (request) => {
    const started = Date.now();
    server.events.on('response', (req) => { // LEAK
      if (req.info.id === request.info.id) console.log('report took', Date.now() - started);
    });
    return { id: request.params.id };
  },
});

await server.start();
