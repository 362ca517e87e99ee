import type { CallStart, Family, HandleEnd } from './family';

const syncEnd = (name: string): HandleEnd => ({ methods: [name], functions: [], fix: { kind: 'method', name, returnsPromise: false } });
const asyncEnd = (name: string, ...others: string[]): HandleEnd => ({ methods: [name, ...others], functions: [], fix: { kind: 'method', name, returnsPromise: true } });

/**
 * A mysql pool or connection keeps its sockets until `end()` (mysql2#898, #1639: one pool per
 * request, "Too many connections"); a connection also until `destroy()`, which closes it at once.
 */
const mysqlStarts = (ends: HandleEnd) => {
  const pool: CallStart = { kind: 'connection', label: 'a MySQL connection pool', ends };
  const connection: CallStart = { kind: 'connection', label: 'a MySQL connection', ends: { ...ends, methods: [...ends.methods, 'destroy'] } };
  return { createPool: pool, createPoolCluster: pool, createConnection: connection };
};

/** A browser process started by puppeteer runs until `close()` (puppeteer#5911: browsers left per request). */
const browserLaunch: CallStart = { kind: 'connection', label: 'a browser process', ends: asyncEnd('close') };

/** Sequelize holds a connection pool until `close()`. */
const sequelizePool: CallStart = { kind: 'connection', label: 'a Sequelize connection pool', ends: asyncEnd('close') };

/** Agenda given `db` opens its own MongoDB connection until `close()` (`stop()` only stops processing jobs). */
const agendaClient: CallStart = {
  kind: 'connection',
  label: 'an Agenda instance (its MongoDB connection)',
  ends: asyncEnd('close', 'stop'),
  onlyWith: { index: 0, property: 'db' },
};

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
 * - node-cache: `new NodeCache()` runs an expiry timer unless `checkperiod: 0`, until `close()`;
 * - mysql/mysql2: `createPool()`, `createConnection()` keep their sockets until `end()` (a promise
 *   from `mysql2/promise`);
 * - mongoose: `createConnection(uri)` keeps its own connection pool until `close()` (mongoose#7994);
 * - puppeteer: `launch()` starts a browser process until `close()`;
 * - Sequelize: `new Sequelize(…)` keeps a connection pool until `close()`;
 * - Agenda: `new Agenda({ db })` keeps a MongoDB connection until `close()`.
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
    mysql: { starts: mysqlStarts(syncEnd('end')) },
    mysql2: { starts: mysqlStarts(syncEnd('end')) },
    'mysql2/promise': { starts: mysqlStarts(asyncEnd('end')) },
    mongoose: { starts: { createConnection: { kind: 'connection', label: 'a mongoose connection', ends: asyncEnd('close', 'destroy') } } },
    puppeteer: { starts: { launch: browserLaunch } },
    'puppeteer-core': { starts: { launch: browserLaunch } },
    sequelize: { starts: { Sequelize: sequelizePool } },
    agenda: { starts: { Agenda: agendaClient } },
  },
  // mongoose's `conn.asPromise()` resolves to the connection it is called on, once connected.
  chainingMethods: ['asPromise'],
} as const satisfies Family;
