import type { Family } from './family';
import { repetitions } from './family';

const serverConnection = { every: 'on every connection to this server', unit: 'connection' } as const;

/** HTTP apps and servers: their handlers run on every request (a TCP server's, on every connection). */
export const httpServers = {
  name: 'HTTP servers',
  objects: {
    httpApp: {
      label: 'HTTP app',
      starts: {},
      removeListener: [],
      endSubscription: [],
      close: [],
      // `app.use(middleware)`: every function argument runs on every request.
      schedulers: { use: { repetition: repetitions.request, positions: ['functions'] } },
    },
  },
  modules: {
    // With types, `express()` is the `Express` interface of @types/express-serve-static-core.
    express: { objects: { '*': 'httpApp', default: 'httpApp', Router: 'httpApp' }, types: { Express: 'httpApp', Router: 'httpApp' } },
    'express-serve-static-core': { types: { Express: 'httpApp', Application: 'httpApp', Router: 'httpApp' } },
    // With types, `new Koa()` is koa's `Application`, an EventEmitter subclass whose `use` is middleware.
    koa: { objects: { '*': 'httpApp', default: 'httpApp' }, types: { Application: 'httpApp' } },
    fastify: { objects: { '*': 'httpApp', default: 'httpApp', fastify: 'httpApp' } },
    hono: { objects: { Hono: 'httpApp' } },
    // Its handler is given the request, a readable stream, and the response, a writable one.
    http: { schedulers: { createServer: { repetition: repetitions.serverRequest, positions: ['last'], parameters: ['emitter', 'emitter'] } } },
    https: { schedulers: { createServer: { repetition: repetitions.serverRequest, positions: ['last'], parameters: ['emitter', 'emitter'] } } },
    // A TCP or TLS server's callback is its 'connection' listener, given the client's socket.
    net: { schedulers: { createServer: { repetition: serverConnection, positions: ['last'], parameters: ['emitter'] } } },
    tls: { schedulers: { createServer: { repetition: serverConnection, positions: ['last'], parameters: ['emitter'] } } },
  },
  // What a server hands its handlers for one request.
  perClientTypes: {
    http: ['IncomingMessage', 'ServerResponse'],
    http2: ['Http2ServerRequest', 'Http2ServerResponse', 'ServerHttp2Stream'],
  },
  routeMethods: ['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route'],
  // fastify's `app.route({ method, url, handler })`
  routeOptions: { route: 'handler' },
} as const satisfies Family;
