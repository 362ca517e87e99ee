import type { Family } from './family';

/** HTTP clients that take a signal in their request options. */
export const httpClients = {
  name: 'HTTP clients',
  modules: {
    undici: {
      clientTakesSignal: { request: { options: 1 }, fetch: { options: 1 }, stream: { options: 1 }, pipeline: { options: 1 } },
    },
    axios: {
      clientTakesSignal: {
        // axios(config) or axios(url, config): a second argument after a config is ignored.
        '*': { options: 'last', loneMayBeOptions: true },
        default: { options: 'last', loneMayBeOptions: true },
        request: { options: 0 },
        get: { options: 1 },
        delete: { options: 1 },
        head: { options: 1 },
        options: { options: 1 },
        post: { options: 2 },
        put: { options: 2 },
        patch: { options: 2 },
      },
    },
    'node-fetch': { clientTakesSignal: { '*': { options: 1 }, default: { options: 1 } } },
  },
} as const satisfies Family;
