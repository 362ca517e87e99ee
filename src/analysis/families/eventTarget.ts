import type { Family } from './family';

/** EventTarget and the DOM: `addEventListener` until `removeEventListener` with the same function, `{ once }` or `{ signal }`. */
export const eventTarget = {
  name: 'EventTarget',
  objects: {
    eventTarget: {
      label: 'event target',
      starts: { addEventListener: { kind: 'listener', signalOptionIndex: 2 } },
      removeListener: ['removeEventListener'],
      endSubscription: [],
      close: [],
      fixRemoveListener: 'removeEventListener',
      shape: [['addEventListener'], ['removeEventListener']],
    },
  },
  globals: {
    instances: {
      window: 'eventTarget',
      document: 'eventTarget',
      globalThis: 'eventTarget',
      self: 'eventTarget',
      navigator: 'eventTarget',
    },
    // `const bus = new EventTarget()`: Node's and the browser's own event bus.
    objects: { EventTarget: 'eventTarget' },
    types: {
      EventTarget: 'eventTarget',
      Window: 'eventTarget',
      Document: 'eventTarget',
      HTMLElement: 'eventTarget',
      Element: 'eventTarget',
      AbortSignal: 'eventTarget',
      WebSocket: 'eventTarget',
    },
    takesSignal: { fetch: { options: 1 } },
  },
  onceOption: 'once',
  endOfLifeHandlerProperties: ['onerror', 'onclose'],
  onceEvents: ['load', 'DOMContentLoaded', 'abort', 'unload', 'beforeunload'],
  startupEvents: ['load', 'DOMContentLoaded'],
} as const satisfies Family;
