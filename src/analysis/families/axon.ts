import type { CallStart, Family, HandleEnd } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const close: HandleEnd = { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } };

/** An axon socket holds nothing until bound (a server on its port) or connected (a client that reconnects), until `close()`. */
const socket: CallStart = { kind: 'connection', label: 'an axon socket', returns: 'axonSocket', openedBy: ['bind', 'connect'], ends: close };

const constructors = ['Socket', 'PubSocket', 'SubSocket', 'PushSocket', 'PullSocket', 'ReqSocket', 'RepSocket', 'PubEmitterSocket', 'SubEmitterSocket'];

const moduleFacts = {
  starts: { socket, ...Object.fromEntries(constructors.map((name) => [name, socket])) },
  types: Object.fromEntries(constructors.map((name) => [name, 'axonSocket'])),
};

/**
 * axon (and its forks `@dashersw/axon`, used by cote, and `pm2-axon`): message sockets over TCP or
 * a unix socket. `bind(port)` listens until `close()` and fires 'bind' once, when listening;
 * `connect(port)` connects and reconnects after every drop, firing 'connect' again each time (a
 * server fires it for every peer). The emitter sockets wrap a plain one in `.sock`.
 *
 * ```js
 * const sock = axon.socket('sub-emitter');
 * sock.connect(3000); // ← connected, and reconnecting, until sock.close()
 * sock.sock.on('bind', start); // once per bind()
 * ```
 */
export const axon = {
  name: 'axon',
  objects: {
    axonSocket: {
      label: 'axon socket',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: ['close'],
      fixRemoveListener: 'off',
      fixClose: { method: 'close', returnsPromise: false },
      events: {
        // A client reconnects after every drop; a server fires them for every peer. Its 'message's come again too, as on any emitter.
        again: ['connect', 'disconnect', 'reconnect attempt', 'socket close', 'socket error', 'ignored error', 'error'],
        once: ['bind', 'close'],
      },
      properties: { sock: 'axonSocket' },
    },
  },
  modules: { axon: moduleFacts, '@dashersw/axon': moduleFacts, 'pm2-axon': moduleFacts },
  typePackages: { axon: 'axonSocket', '@dashersw/axon': 'axonSocket', 'pm2-axon': 'axonSocket' },
} as const satisfies Family;
