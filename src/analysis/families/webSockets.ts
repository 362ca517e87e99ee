import type { CallStart, Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals, reconnectEvents } from './family';

const close: HandleEnd = { methods: ['close', 'terminate'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } };
// A ws client closed or terminated while it connects aborts its handshake and emits 'error' on
// itself (an emitter: unheard, Node throws it); a `WebSocket` or `EventSource` global only fires an event.
const wsClientClose: HandleEnd = { ...close, endEmits: 'error' };

/**
 * A ws server given a `port` makes its own HTTP server and listens on it until `close()`; given a
 * `server` or `noServer` it holds nothing of its own.
 */
const listeningServer: CallStart = {
  kind: 'connection',
  label: 'a WebSocket server (listening on its port)',
  returns: 'emitter',
  ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
  onlyWith: { index: 0, property: 'port' },
};

/**
 * Sockets and channels that stay open until closed: ws and the `WebSocket`/`EventSource`
 * globals (and the `eventsource` package), socket.io-client's `io()`, `BroadcastChannel`.
 */
export const webSockets = {
  name: 'WebSockets',
  objects: {
    /** socket.io-client's socket, reconnecting-websocket: they reconnect by themselves and fire their connection events again. */
    reconnectingSocket: {
      label: 'reconnecting socket',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['disconnect', 'close'],
      fixRemoveListener: 'off',
      events: { again: reconnectEvents, once: ['end'] },
    },
  },
  modules: {
    ws: {
      starts: {
        default: { kind: 'connection', label: 'a WebSocket', returns: 'emitter', ends: wsClientClose },
        '*': { kind: 'connection', label: 'a WebSocket', returns: 'emitter', ends: wsClientClose },
        WebSocket: { kind: 'connection', label: 'a WebSocket', returns: 'emitter', ends: wsClientClose },
        WebSocketServer: listeningServer,
        Server: listeningServer,
      },
      types: { WebSocket: 'emitter', default: 'emitter', WebSocketServer: 'emitter', Server: 'emitter' },
      // A server is an emitter whose 'connection' comes once per client. A start only given a
      // `port`: one given `{ server }` or `{ noServer: true }` lives as long as the HTTP server it
      // is attached to.
      objects: { WebSocketServer: 'emitter', Server: 'emitter' },
    },
    // The Socket.IO server (`new Server(httpServer)`, `require('socket.io')(httpServer)`): an
    // emitter whose 'connection' comes once per client; attached to an HTTP server, not a start.
    'socket.io': { objects: { Server: 'emitter', default: 'emitter', '*': 'emitter' }, types: { Server: 'emitter', Namespace: 'emitter' } },
    'socket.io-client': {
      starts: Object.fromEntries(
        ['io', 'default', 'connect'].map((name) => [
          name,
          {
            kind: 'connection',
            label: 'a Socket.IO connection',
            returns: 'reconnectingSocket',
            ends: { methods: ['disconnect', 'close'], functions: [], fix: { kind: 'method', name: 'disconnect', returnsPromise: false } },
          },
        ]),
      ),
      types: { Socket: 'reconnectingSocket' },
    },
    'reconnecting-websocket': { objects: { default: 'reconnectingSocket', '*': 'reconnectingSocket' } },
    // The npm `eventsource` package is the global `EventSource` for Node (v3 exports it by name, v2 is the module).
    eventsource: {
      starts: Object.fromEntries(['EventSource', 'default', '*'].map((name) => [name, { kind: 'connection', label: 'an EventSource', returns: 'eventTarget', ends: close }])),
      types: { EventSource: 'eventTarget' },
    },
  },
  typePackages: { 'socket.io-client': 'reconnectingSocket', 'reconnecting-websocket': 'reconnectingSocket' },
  globals: {
    starts: {
      WebSocket: { kind: 'connection', label: 'a WebSocket', returns: 'eventTarget', ends: close },
      EventSource: { kind: 'connection', label: 'an EventSource', returns: 'eventTarget', ends: close },
      BroadcastChannel: { kind: 'connection', label: 'a BroadcastChannel', returns: 'eventTarget', ends: close },
    },
    types: { EventSource: 'eventTarget', BroadcastChannel: 'eventTarget' },
  },
  // The socket a Socket.IO server hands its 'connection' handlers, one per client (the client
  // package's `Socket` is a long-lived connection, not this).
  perClientTypes: { 'socket.io': ['Socket'] },
} as const satisfies Family;
