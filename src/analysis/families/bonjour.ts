import type { CallStart, Family } from './family';

/** `new Bonjour()` binds a multicast DNS socket at once and answers queries on it until `destroy()`. */
const bonjour: CallStart = {
  kind: 'connection',
  label: 'a Bonjour (mDNS) responder',
  ends: { methods: ['destroy'], functions: [], fix: { kind: 'method', name: 'destroy', returnsPromise: false } },
};

/**
 * bonjour-service: a Bonjour instance holds a bound multicast DNS socket (and the services it
 * publishes and the browsers it finds with on it) until `destroy()`; `unpublishAll()` only
 * withdraws the services.
 *
 * ```js
 * this.bonjour = new Bonjour();
 * this.bonjour.publish({ name, port, type: 'http' }); // ← answered until this.bonjour.destroy()
 * ```
 */
export const bonjourService = {
  name: 'bonjour-service',
  modules: {
    'bonjour-service': { starts: { Bonjour: bonjour, default: bonjour, '*': bonjour } },
  },
} as const satisfies Family;
