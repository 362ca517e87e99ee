import type { AbortSignalFacts, Family } from './family';

/**
 * AbortSignal and AbortController: what tells code it was aborted, and what tells a value is a
 * signal. A loop that checks `signal.aborted` or calls `signal.throwIfAborted()` has an exit tied
 * to the signal; `signal.addEventListener('abort', () => sub.quit())` ends `sub` with it.
 */
export const abortSignal = {
  name: 'AbortSignal',
  objects: {
    // `new AbortController()`: its `signal` is an EventTarget, whose 'abort' listeners stay until it aborts.
    abortController: {
      label: 'abort controller',
      starts: {},
      removeListener: [],
      endSubscription: [],
      close: [],
      properties: { signal: 'eventTarget' },
    },
  },
  globals: { objects: { AbortController: 'abortController' }, types: { AbortController: 'abortController' } },
  abortChecks: ['aborted', 'throwIfAborted'],
  abortSignal: {
    type: 'AbortSignal',
    controller: 'AbortController',
    property: 'signal',
    event: 'abort',
    handlerProperty: 'onabort',
    addListener: 'addEventListener',
    removeListener: 'removeEventListener',
    ownMembers: ['throwIfAborted', 'onabort'],
    sharedMembers: ['aborted', 'reason'],
    aborted: 'aborted',
    reason: 'reason',
    factories: ['timeout', 'any', 'abort'],
    compose: 'any',
    timeout: 'timeout',
    abort: 'abort',
    listenerFunctions: ['addAbortListener'],
    request: 'Request',
    streamPipe: { method: 'pipeTo', options: 1, destinations: ['WritableStream'] },
  },
} as const satisfies Family;

/** The AbortSignal API's facts, for the modules that read signals: `signalApi.event` is `'abort'`. */
export const signalApi: AbortSignalFacts = abortSignal.abortSignal;
