import type { CallStart, Family, HandleEnd } from './family';

const syncEnd = (name: string): HandleEnd => ({ methods: [name], functions: [], fix: { kind: 'method', name, returnsPromise: false } });

const knexPool: CallStart = {
  kind: 'connection',
  label: 'a knex connection pool',
  ends: { methods: ['destroy'], functions: [], fix: { kind: 'method', name: 'destroy', returnsPromise: true } },
};

/** node-cache checks for expired keys on a timer every `checkperiod` seconds (600 unless set), until `close()`; `checkperiod: 0` starts none. */
const nodeCache: CallStart = {
  kind: 'interval',
  label: "a node-cache instance (its expiry timer)",
  ends: syncEnd('close'),
  unlessWith: { index: 0, property: 'checkperiod', values: [0] },
};

/**
 * Clients of other services that hold connections, a thread or a timer until ended, each made to
 * be kept and shared (their maintainers' word: one client per process, not per call):
 *
 * - `@grpc/grpc-js`: a `Client` (or `Channel`) keeps its channel, with an HTTP/2 connection and
 *   timers, until `close()` (grpc-node#2402, #2629: one client per request grows memory);
 * - knex: `knex(config)` makes a connection pool that keeps its connections and reaping timer
 *   until `destroy()`;
 * - nodemailer: `createTransport({ pool: true })` keeps its SMTP connections open until `close()`;
 * - pino: `pino.transport(…)` starts a worker thread that runs until the stream is ended; a logger
 *   writes to its destination and never ends it;
 * - node-cache: `new NodeCache()` runs an expiry timer unless `checkperiod: 0`, until `close()`.
 */
export const serviceClients = {
  name: 'service clients',
  modules: {
    '@grpc/grpc-js': {
      starts: {
        Client: { kind: 'connection', label: 'a gRPC client (its channel)', ends: syncEnd('close') },
        Channel: { kind: 'connection', label: 'a gRPC channel', ends: syncEnd('close') },
      },
    },
    knex: { starts: { '*': knexPool, default: knexPool, knex: knexPool } },
    nodemailer: {
      starts: {
        createTransport: {
          kind: 'connection',
          label: 'a pooled SMTP transport',
          ends: syncEnd('close'),
          onlyWith: { index: 0, property: 'pool', values: [true] },
        },
      },
    },
    pino: {
      starts: { transport: { kind: 'connection', label: 'a pino transport (a worker thread)', ends: syncEnd('end') } },
      borrows: ['*', 'default', 'pino'],
    },
    'node-cache': { starts: { '*': nodeCache, default: nodeCache } },
  },
} as const satisfies Family;
