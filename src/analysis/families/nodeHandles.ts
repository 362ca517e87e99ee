import type { CallStart, Family, HandleEnd } from './family';

/** A forked child: it exits when its script returns, unless sent work (its script then listens for more), until disconnect() or kill(). */
const fork: CallStart = {
  kind: 'connection',
  label: 'a forked child process (its IPC channel)',
  returns: 'emitter',
  ends: { methods: ['disconnect', 'kill'], functions: [], fix: { kind: 'method', name: 'disconnect', returnsPromise: false } },
  endsByItself: { keptWaitingBy: ['send'], endEvents: ['exit', 'close', 'disconnect'] },
};

/** A readline interface reads its input until `close()`; over a file it closes when the file ends, over `process.stdin` never. */
const readlineInterface: CallStart = {
  kind: 'connection',
  label: 'a readline interface',
  returns: 'emitter',
  ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
  onlyWith: { index: 0, property: 'input', values: ['process.stdin'], positional: true },
};

/**
 * A file write stream holds its file descriptor until `end()` (closed once flushed), `destroy()` or
 * `close()`; only an error closes it by itself. Piped into, it is ended by its source.
 */
const fileWriteStream: CallStart = {
  kind: 'connection',
  label: 'a file write stream',
  returns: 'emitter',
  ends: { methods: ['end', 'destroy', 'close'], functions: [], fix: { kind: 'method', name: 'end', returnsPromise: false } },
};

const agentEnds: HandleEnd = { methods: ['destroy'], functions: [], fix: { kind: 'method', name: 'destroy', returnsPromise: false } };

/** An HTTP agent with `keepAlive: true` keeps its idle sockets open for the next request until `destroy()`. */
const keepAliveAgent = (label: string): CallStart => ({
  kind: 'connection',
  label,
  ends: agentEnds,
  onlyWith: { index: 0, property: 'keepAlive', values: [true] },
});

/** An inspector session is connected by `connect()` (profilers and debugger with it) until `disconnect()`. */
const inspectorSession: CallStart = {
  kind: 'connection',
  label: 'an inspector session',
  openedBy: ['connect', 'connectToMainThread'],
  ends: { methods: ['disconnect'], functions: [], fix: { kind: 'method', name: 'disconnect', returnsPromise: false } },
};

/**
 * Node's handles that stay open until closed: a `fs/promises` `FileHandle` from `open()` holds its
 * file descriptor until `close()` (only garbage collection closes it otherwise, with a warning);
 * an `inspector.Session` is connected by `connect()` (profilers and debugger with it) until
 * `disconnect()`. A `diagnostics_channel.subscribe(name, f)` keeps `f` on the process-wide channel
 * until `unsubscribe(name, f)`. A `fork()`ed child sent work keeps its IPC channel (and both processes) until
 * `disconnect()` or `kill()`; a readline interface over `process.stdin` reads until `close()`; an
 * HTTP(S) `Agent` with `keepAlive: true` keeps idle sockets open until `destroy()`; an `http2.connect()`
 * session keeps its connection until `close()`.
 *
 * ```js
 * const file = await open(path, 'r'); // ← until file.close()
 * const session = new inspector.Session();
 * session.connect(); // ← until session.disconnect()
 * ```
 */
export const nodeHandles = {
  name: 'Node handles',
  modules: {
    'fs/promises': {
      starts: {
        open: {
          kind: 'connection',
          label: 'a file handle',
          ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: true } },
        },
      },
    },
    child_process: { starts: { fork } },
    fs: { starts: { createWriteStream: fileWriteStream } },
    // Channels are process-wide by name: a subscriber stays until `unsubscribe(name, f)`.
    diagnostics_channel: {
      starts: {
        subscribe: {
          kind: 'subscription',
          label: 'a diagnostics channel subscriber',
          endFunction: 'unsubscribe',
          ends: { methods: [], functions: ['unsubscribe'], fix: { kind: 'function', name: 'unsubscribe', returnsPromise: false } },
        },
      },
    },
    readline: { starts: { createInterface: readlineInterface, Interface: readlineInterface } },
    'readline/promises': { starts: { createInterface: readlineInterface, Interface: readlineInterface } },
    // A request given the agent (`https.request(url, { agent })`) uses its sockets and leaves it open.
    http: { starts: { Agent: keepAliveAgent('a keep-alive HTTP agent') }, borrows: ['request', 'get'] },
    https: { starts: { Agent: keepAliveAgent('a keep-alive HTTPS agent') }, borrows: ['request', 'get'] },
    // An HTTP/2 client session keeps its connection (and the process) until `close()` or `destroy()`.
    http2: {
      starts: {
        connect: {
          kind: 'connection',
          label: 'an HTTP/2 client session',
          returns: 'emitter',
          callbackIsListener: true,
          listenerGetsHandle: true,
          ends: { methods: ['close', 'destroy'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
        },
      },
    },
    // `monitorEventLoopDelay()` samples on a timer from `enable()` until `disable()`; made and never enabled, nothing runs.
    perf_hooks: {
      starts: {
        monitorEventLoopDelay: {
          kind: 'interval',
          label: 'an event loop delay sampler (its timer)',
          openedBy: ['enable'],
          ends: { methods: ['disable'], functions: [], fix: { kind: 'method', name: 'disable', returnsPromise: false } },
        },
      },
    },
    // `inspector/promises` exports the same `Session`, whose `post()` returns promises.
    inspector: { starts: { Session: inspectorSession } },
    'inspector/promises': { starts: { Session: inspectorSession } },
  },
} as const satisfies Family;
