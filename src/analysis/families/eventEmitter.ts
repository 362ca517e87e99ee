import type { Family } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

/**
 * Node's EventEmitter and what inherits it (streams, sockets, servers, child processes,
 * `process`): `on` until `off`; `events.on()` iterators until `return()` or `{ signal }`.
 */
export const eventEmitter = {
  name: 'EventEmitter',
  objects: {
    emitter: {
      label: 'event emitter',
      starts: {
        ...emitterListenerStarts,
        // A readable stream's `pipe(dest)` adds listeners to `dest`, removed when it ends or is unpiped.
        pipe: {
          kind: 'pipe',
          label: 'a pipe',
          endWith: 'unpipe',
          piping: { neverEnded: ['process.stdout', 'process.stderr'], endWithTheirProcess: ['stdout', 'stderr'], destinationEnds: ['end', 'destroy', 'close'], endOption: 'end' },
        },
      },
      removeListener: emitterRemovals,
      endSubscription: [],
      close: [],
      fixRemoveListener: 'off',
      shape: [
        ['on', 'addListener'],
        ['removeListener', 'off'],
      ],
    },
  },
  modules: {
    events: {
      starts: { on: { kind: 'eventsIterator', label: 'an events.on() iterator', signalOption: 2 } },
      objects: { default: 'emitter', EventEmitter: 'emitter', '*': 'emitter' },
      types: { EventEmitter: 'emitter', default: 'emitter', '*': 'emitter' },
      takesSignal: { on: { options: 2, endless: true }, once: { options: 2 } },
      pauses: ['once'],
      // They listen on the emitter they are given; ending the emitter is still its owner's job.
      borrows: ['on', 'once'],
    },
    net: {
      objects: { createServer: 'emitter', connect: 'emitter', createConnection: 'emitter', Socket: 'emitter' },
      types: { Socket: 'emitter', Server: 'emitter' },
    },
    http: { objects: { createServer: 'emitter' } },
    https: { objects: { createServer: 'emitter' } },
    child_process: {
      objects: { spawn: 'emitter', fork: 'emitter', exec: 'emitter', execFile: 'emitter' },
      // Aborting the signal kills the child, as its own `kill()` does. A child of `spawn` or `fork`
      // then emits 'error' (`exec` and `execFile` hand the error to their callback).
      takesSignal: {
        spawn: { options: 'last', endedBy: ['kill'], abortEmits: 'error' },
        exec: { options: 1, endedBy: ['kill'] },
        execFile: { options: 'last', endedBy: ['kill'] },
        fork: { options: 'last', endedBy: ['kill'], abortEmits: 'error' },
      },
    },
    stream: {
      // `new PassThrough()`, `new stream.Readable({ read() {} })`: a stream, an emitter, ended by `end()`/`destroy()`.
      objects: { PassThrough: 'emitter', Readable: 'emitter', Writable: 'emitter', Duplex: 'emitter', Transform: 'emitter', Stream: 'emitter' },
      types: { Readable: 'emitter', Writable: 'emitter', Duplex: 'emitter', Transform: 'emitter', Stream: 'emitter' },
    },
    // zlib's streams (`createGzip()`, `new Gzip()`): ended by `end()`/`destroy()`, their listeners with them.
    zlib: {
      objects: Object.fromEntries(
        ['Gzip', 'Gunzip', 'Deflate', 'Inflate', 'DeflateRaw', 'InflateRaw', 'Unzip', 'BrotliCompress', 'BrotliDecompress'].flatMap((name) => [
          [name, 'emitter'],
          [`create${name}`, 'emitter'],
        ]),
      ),
      types: { Gzip: 'emitter', Gunzip: 'emitter', Deflate: 'emitter', Inflate: 'emitter', Unzip: 'emitter', BrotliCompress: 'emitter', BrotliDecompress: 'emitter' },
    },
    // File streams: `pipeline(createReadStream(a), createWriteStream(b))` hands streams, not options, last.
    fs: { objects: { createReadStream: 'emitter', createWriteStream: 'emitter' } },
    // eventemitter3: Node's EventEmitter API for browsers and Node (no `prependListener`).
    eventemitter3: {
      objects: { default: 'emitter', EventEmitter: 'emitter', '*': 'emitter' },
      types: { EventEmitter: 'emitter', default: 'emitter' },
    },
    // eventemitter2: the EventEmitter API with wildcards (`module.exports = EventEmitter2`); `on` returns the emitter.
    eventemitter2: {
      objects: { default: 'emitter', EventEmitter2: 'emitter', '*': 'emitter' },
      types: { EventEmitter2: 'emitter', default: 'emitter' },
    },
    'stream/promises': { takesSignal: { pipeline: { options: 'last', endsItsArguments: true }, finished: { options: 1 } } },
  },
  typePackages: { eventemitter3: 'emitter', eventemitter2: 'emitter' },
  globals: {
    instances: { process: 'emitter', 'process.stdin': 'emitter', 'process.stdout': 'emitter', 'process.stderr': 'emitter' },
    types: { NodeJS: 'emitter' },
  },
  handleEnds: {
    eventsIterator: {
      methods: ['return', 'throw'],
      functions: [],
      fix: { kind: 'method', name: 'return', returnsPromise: true },
    },
  },
  // Node's emitter returns itself from every listener add, not only `on`/`once`.
  chainingMethods: ['setMaxListeners', 'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'setEncoding'],
  programEvents: [
    'SIGTERM',
    'SIGINT',
    'SIGHUP',
    'SIGUSR1',
    'SIGUSR2',
    'SIGBREAK',
    'uncaughtException',
    'unhandledRejection',
    'uncaughtExceptionMonitor',
    'exit',
    'beforeExit',
    'disconnect',
    'warning',
  ],
  // `process.exit(code)` ends it at once.
  processEnd: { global: 'process', events: ['exit', 'beforeExit', 'disconnect'], pattern: /^SIG[A-Z0-9]+$/, exit: 'exit' },
  eventNameMethods: [
    ...['on', 'once', 'off', 'addListener', 'removeListener', 'prependListener', 'prependOnceListener', 'removeAllListeners'],
    ...['listeners', 'listenerCount', 'emit'],
  ],
  emitterUses: {
    emit: 'emit',
    // EventEmitter's own questions about the listeners of an event: no other common API asks them.
    emitterOnly: ['listenerCount', 'rawListeners'],
    addListener: ['on', 'addListener'],
    listenersOf: { count: ['listenerCount'], list: ['listeners', 'rawListeners'], unwrapped: ['listeners'] },
  },
  streamMembers: ['pipe', 'on', 'write'],
  abortEmitsByType: { ChildProcess: 'error' },
  posixSignals: { senders: ['kill'], options: ['killSignal'], namingEvents: /^(SIG[A-Z0-9]+|exit|close)$/ },
  endOfLifeEvents: ['error', 'close', 'end', 'finish', 'exit'],
  closedEvents: ['close', 'end', 'finish', 'exit'],
  onceEvents: [
    'ready',
    'connect',
    'listening',
    'open',
    'close',
    'end',
    'finish',
    'exit',
    'error',
    'SIGINT',
    'SIGTERM',
    'SIGHUP',
    'beforeExit',
    'spawn',
  ],
} as const satisfies Family;
