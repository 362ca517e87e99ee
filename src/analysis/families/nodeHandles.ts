import type { Family } from './family';

/**
 * Node's handles that stay open until closed: a `fs/promises` `FileHandle` from `open()` holds its
 * file descriptor until `close()` (only garbage collection closes it otherwise, with a warning);
 * an `inspector.Session` is connected by `connect()` (profilers and debugger with it) until
 * `disconnect()`.
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
    inspector: {
      starts: {
        Session: {
          kind: 'connection',
          label: 'an inspector session',
          openedBy: ['connect', 'connectToMainThread'],
          ends: { methods: ['disconnect'], functions: [], fix: { kind: 'method', name: 'disconnect', returnsPromise: false } },
        },
      },
    },
  },
} as const satisfies Family;
