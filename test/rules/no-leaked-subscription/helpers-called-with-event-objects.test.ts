import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A helper only this file calls is its callers' code: written in the caller, a listener on an object
// the caller cannot place (a field of the event it handles, `const { request } = data`) is not
// reported, so moving it into a local helper must not make it a leak (@sentry/core's
// `breadcrumbsOnly(request)`, seen on the eighth unseen sample). An exported helper, or one called
// with an object that outlives the caller, is still reported.
runInBothModes('no-leaked-subscription: local helpers called with the objects of an event', rule, {
  valid: [
    `
import type { EventEmitter as Request } from 'node:events';

export function clientSubscriptions() {
  const onRequestCreated = (data: { request: Request }) => {
    const { request } = data;
    function breadcrumbsOnly(request: Request) {
      request.on('error', () => console.log('failed'));
    }
    breadcrumbsOnly(request);
  };
  return { onRequestCreated };
}
`,
  ],
  invalid: [
    {
      // Exported: other files may hand it an object that outlives each call.
      code: `
import type { EventEmitter as Request } from 'node:events';

export function trackTimings(request: Request) {
  request.on('socket', () => console.log('socket'));
}

export function onRequestCreated(data: { request: Request }) {
  trackTimings(data.request);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'socket' listener", target: 'request', outlives: 'a parameter', code: 'request.on(…)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`trackTimings()`' },
              output: `
import type { EventEmitter as Request } from 'node:events';

export function trackTimings(request: Request, signal?: AbortSignal) {
  const onSocket = () => console.log('socket');
  request.on('socket', onSocket);
  if (signal?.aborted) request.off('socket', onSocket);
  else signal?.addEventListener('abort', () => request.off('socket', onSocket), { once: true });
}

export function onRequestCreated(data: { request: Request }) {
  trackTimings(data.request);
}
`,
            },
          ],
        },
      ],
    },
    {
      // One call hands it the module's own emitter, which outlives every call.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function trackTimings(request: EventEmitter) {
  request.on('socket', () => console.log('socket'));
}

export function onRequestCreated(data: { request: EventEmitter }) {
  trackTimings(data.request);
  trackTimings(bus);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { label: "a 'socket' listener", target: 'request', outlives: 'a parameter', code: 'request.on(…)' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`trackTimings()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

function trackTimings(request: EventEmitter, signal?: AbortSignal) {
  const onSocket = () => console.log('socket');
  request.on('socket', onSocket);
  if (signal?.aborted) request.off('socket', onSocket);
  else signal?.addEventListener('abort', () => request.off('socket', onSocket), { once: true });
}

export function onRequestCreated(data: { request: EventEmitter }) {
  trackTimings(data.request);
  trackTimings(bus);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
