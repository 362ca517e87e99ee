import Hapi from '@hapi/hapi';

const server = Hapi.server({ port: 3000 });

server.route({
  method: 'GET',
  path: '/report/{id}',
  handler: async (request) => {
    const started = Date.now();
    const onResponse = (req: Hapi.Request) => {
      if (req.info.id !== request.info.id) return;
      server.events.removeListener('response', onResponse);
      console.log('report took', Date.now() - started);
    };
    server.events.on('response', onResponse);
    return { id: request.params.id };
  },
});

await server.start();
