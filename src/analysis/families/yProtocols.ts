import type { CallStart, Family } from './family';

const awareness: CallStart = {
  kind: 'connection',
  label: 'an awareness (its check interval)',
  returns: 'awareness',
  ends: { methods: ['destroy'], functions: [], fix: { kind: 'method', name: 'destroy', returnsPromise: false } },
  // Its document's 'destroy' event destroys it.
  endedWithArgument: { index: 0, methods: ['destroy'] },
};

/**
 * y-protocols' `Awareness`: its constructor starts an interval (every 3 s, checking for outdated
 * states) that only `destroy()` clears, directly or through its document's 'destroy' event
 * (`doc.destroy()`). Its own events ('change', 'update') come with every state update.
 *
 * ```js
 * const awareness = new Awareness(doc); // ← interval until awareness.destroy() or doc.destroy()
 * ```
 */
export const yProtocols = {
  name: 'y-protocols',
  objects: {
    awareness: {
      label: 'awareness',
      // lib0's Observable: `on`/`once` until `off`.
      starts: { on: { kind: 'listener' }, once: { kind: 'listener', oneShot: true } },
      removeListener: ['off'],
      endSubscription: [],
      close: ['destroy'],
      fixRemoveListener: 'off',
      fixClose: { method: 'destroy', returnsPromise: false },
      // 'change' and 'update' come with every state update, as any emitter's events do; 'destroy' once.
      events: { again: [], once: ['destroy'] },
    },
  },
  modules: {
    'y-protocols/awareness': { starts: { Awareness: awareness }, types: { Awareness: 'awareness' } },
    // Its declarations' package, for typed code.
    'y-protocols': { types: { Awareness: 'awareness' } },
  },
} as const satisfies Family;
