import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// From the mutation run (primus's `timeout()`): one function is added for several events and the
// handler takes it off again, event by event. An emitter removes a listener per event, so taking
// it off 'open' and 'end' leaves the 'error' one: a removal whose event, written as a string, is
// another than the start's does not remove it. Events written otherwise may be the same one.
const primus = (removals: string): string => `
import { EventEmitter } from 'node:events';

export class Primus extends EventEmitter {
  timeout() {
    const remove = () => {${removals}
    };
    this.on('error', remove);
    this.on('open', remove);
  }
}
`;

const relay = (removal: string): string => `
import { EventEmitter } from 'node:events';

const EVENTS = { data: 'data' } as const;

export function relay(source: EventEmitter, sink: (chunk: unknown) => void) {
  source.on('data', sink);
  return () => {
    ${removal}
  };
}
`;

runInBothModes('no-leaked-subscription: a removal for another event', rule, {
  valid: [
    // Taken off every event it was added for.
    primus("\n      this.removeListener('error', remove);\n      this.removeListener('open', remove);"),
    // The event written through a constant may be the one added.
    relay('source.off(EVENTS.data, sink);'),
    relay("source.off('data', sink);"),
  ],
  invalid: [
    {
      code: primus("\n      this.removeListener('open', remove);"),
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.on('error', remove)",
            label: "an 'error' listener",
            target: 'this',
            outlives: 'the object itself',
            owner: '`timeout()`',
            when: 'when the wait is over',
          },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 12,
        },
      ],
    },
    {
      // The disposer takes it off another event: the 'data' listener stays.
      code: relay("source.off('end', sink);"),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: "source.on('data', sink)", label: "a 'data' listener", target: 'source', outlives: 'a parameter' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`relay()`' },
              output: `
import { EventEmitter } from 'node:events';

const EVENTS = { data: 'data' } as const;

export function relay(source: EventEmitter, sink: (chunk: unknown) => void, signal?: AbortSignal) {
  source.on('data', sink);
  if (signal?.aborted) source.off('data', sink);
  else signal?.addEventListener('abort', () => source.off('data', sink), { once: true });
  return () => {
    source.off('end', sink);
  };
}
`,
            },
          ],
        },
      ],
    },
  ],
});
