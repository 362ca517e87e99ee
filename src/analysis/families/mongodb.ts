import type { Family, HandleEnd, MethodStart } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const close: HandleEnd = { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } };

/** `watch()` opens a change stream (a server cursor held open on the client's pool) until `close()`. */
const watch: MethodStart = { kind: 'watcher', label: 'a MongoDB change stream', returns: 'mongoChangeStream', ends: close };

/**
 * The MongoDB driver: `new MongoClient(url)` and `MongoClient.connect(url)` open a connection pool
 * until `close()`; `watch()` on the client, a database or a collection opens a change stream,
 * an emitter of 'change' events and an async iterable that never ends by itself, until `close()`.
 */
export const mongodb = {
  name: 'MongoDB',
  objects: {
    mongoClient: {
      label: 'MongoDB client',
      starts: { ...emitterListenerStarts, watch },
      returns: { db: 'mongoDb' },
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
      fixClose: { method: 'close', returnsPromise: true },
    },
    mongoDb: { label: 'MongoDB database', starts: { watch }, returns: { collection: 'mongoCollection' }, removeListener: [], endSubscription: [], close: [] },
    mongoCollection: { label: 'MongoDB collection', starts: { watch }, removeListener: [], endSubscription: [], close: [] },
    mongoChangeStream: {
      label: 'MongoDB change stream',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
      fixClose: { method: 'close', returnsPromise: true },
    },
  },
  modules: {
    mongodb: {
      starts: {
        MongoClient: { kind: 'connection', label: 'a MongoDB client', returns: 'mongoClient', ends: close },
        'MongoClient.connect': { kind: 'connection', label: 'a MongoDB client', returns: 'mongoClient', ends: close },
      },
      types: { MongoClient: 'mongoClient', Db: 'mongoDb', Collection: 'mongoCollection', ChangeStream: 'mongoChangeStream' },
    },
  },
  endlessIterators: [
    {
      modules: ['mongodb'],
      factories: ['MongoClient'],
      clientTypes: ['MongoClient', 'Db', 'Collection'],
      iterators: { watch: {} },
      iterableTypes: ['ChangeStream'],
      ends: ['close'],
      endReturnsPromise: true,
      handleName: 'changeStream',
      clientEnds: ['close'],
    },
  ],
} as const satisfies Family;
