import type { CallStart, Family, HandleEnd } from './family';

const close: HandleEnd = { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } };

/** A client socket: open from the call until destroyed or ended (`end()` closes it once the peer closes its side). */
const socketEnds: HandleEnd = {
  methods: ['destroy', 'end', 'destroySoon', 'resetAndDestroy'],
  functions: [],
  fix: { kind: 'method', name: 'destroy', returnsPromise: false },
};

/** A client socket the call connects at once: `net.connect(port, onConnect)`, whose callback listens for 'connect'. */
const socket = (label: string): CallStart => ({ kind: 'connection', label, returns: 'emitter', ends: socketEnds, callbackIsListener: true });

/** A server made by the call: it holds its port from `listen()` until `close()`. */
const server = (label: string): CallStart => ({ kind: 'connection', label, returns: 'emitter', ends: close, openedBy: ['listen'] });

/**
 * Servers and sockets that hold a port once listened or bound, until closed: `net`, `tls`,
 * `http`, `https` and `http2` servers (`createServer()` then `listen()`), `dgram` sockets
 * (bound by `bind()`, or by the first `send()`). Made and never listened, they hold nothing.
 * Client sockets (`net.connect`, `net.createConnection`, `tls.connect`, a `new net.Socket()`
 * once `connect()`ed) hold theirs until `destroy()` or `end()`; `unref()` ends nothing.
 *
 * ```js
 * const server = net.createServer(onSocket);
 * server.listen(port); // ← open until server.close()
 * const socket = net.connect(port, host); // ← open until socket.destroy() or socket.end()
 * ```
 */
export const servers = {
  name: 'servers',
  // `return server.listen(port)`: `listen` and `bind` return the server or socket itself.
  chainingMethods: ['listen', 'bind'],
  modules: {
    net: {
      starts: {
        createServer: server('a TCP server'),
        Server: server('a TCP server'),
        connect: socket('a TCP socket'),
        createConnection: socket('a TCP socket'),
        Socket: { ...socket('a TCP socket'), openedBy: ['connect'] },
      },
    },
    tls: { starts: { createServer: server('a TLS server'), Server: server('a TLS server'), connect: socket('a TLS socket') } },
    http: { starts: { createServer: server('an HTTP server'), Server: server('an HTTP server') } },
    https: { starts: { createServer: server('an HTTPS server'), Server: server('an HTTPS server') } },
    http2: { starts: { createServer: server('an HTTP/2 server'), createSecureServer: server('an HTTP/2 server') } },
    dgram: {
      starts: {
        createSocket: { kind: 'connection', label: 'a UDP socket', returns: 'emitter', ends: close, openedBy: ['bind', 'send', 'connect'] },
      },
    },
  },
} as const satisfies Family;
