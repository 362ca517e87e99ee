import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A function returned to the caller (a connection handler made by a factory) is run by whoever the
// caller hands it to, with objects made for that run: a listener on its parameter lives as long as
// that object, like one in an inline callback (trpc's getWSConnectionHandler).
runInBothModes('no-leaked-subscription: returned handlers', rule, {
  valid: [
    `
import type { EventEmitter } from 'node:events';

export function connectionHandler(onMessage: (data: unknown) => void) {
  return (client: EventEmitter) => {
    client.on('message', (data) => onMessage(data));
  };
}
`,
    `
import type { EventEmitter } from 'node:events';

export const connectionHandler = (onMessage: (data: unknown) => void) => (client: EventEmitter) => {
  client.on('message', (data) => onMessage(data));
};
`,
    // Every call in the file hands it a connection its caller was given for that connection.
    `
import type { EventEmitter } from 'node:events';

export function keepAlive(client: EventEmitter) {
  client.on('message', () => {});
}

export function connectionHandler() {
  return (client: EventEmitter) => {
    keepAlive(client);
  };
}
`,
  ],
  invalid: [
    {
      // One call hands it a shared emitter: what it adds to it piles up.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function keepAlive(client: EventEmitter) {
  client.on('message', () => {});
}

export function connectionHandler() {
  keepAlive(bus);
  return (client: EventEmitter) => {
    keepAlive(client);
  };
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`keepAlive()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function keepAlive(client: EventEmitter, signal?: AbortSignal) {
  const onMessage = () => {};
  client.on('message', onMessage);
  if (signal?.aborted) client.off('message', onMessage);
  else signal?.addEventListener('abort', () => client.off('message', onMessage), { once: true });
}

export function connectionHandler() {
  keepAlive(bus);
  return (client: EventEmitter) => {
    keepAlive(client);
  };
}
`,
            },
          ],
        },
      ],
    },
    {
      // The factory itself still adds to a shared emitter on every call.
      code: `
import type { EventEmitter } from 'node:events';

export function connectionHandler(bus: EventEmitter) {
  bus.on('message', () => {});
  return () => {};
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`connectionHandler()`' },
              output: `
import type { EventEmitter } from 'node:events';

export function connectionHandler(bus: EventEmitter, signal?: AbortSignal) {
  const onMessage = () => {};
  bus.on('message', onMessage);
  if (signal?.aborted) bus.off('message', onMessage);
  else signal?.addEventListener('abort', () => bus.off('message', onMessage), { once: true });
  return () => {};
}
`,
            },
          ],
        },
      ],
    },
  ],
});
