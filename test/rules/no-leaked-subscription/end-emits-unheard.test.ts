// A ws client closed before it has connected emits 'error' on itself; with no 'error' listener Node
// throws it and the process crashes (test/fixcheck/runtime-apis.md). Ending it on abort is written
// only where the code that makes it listens for 'error'; elsewhere it is offered, saying so.
import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

const unheard = `
import WebSocket from 'ws';

export function streamPrices(signal: AbortSignal, onPrice: (price: string) => void) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.on('message', (data) => onPrice(String(data)));
}
`;

const heard = `
import WebSocket from 'ws';

export function streamPrices(signal: AbortSignal, onPrice: (price: string) => void) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.on('message', (data) => onPrice(String(data)));
  ws.on('error', () => {});
}
`;

const ended = (code: string) =>
  code.replace(/\n}\n$/, `\n  if (signal.aborted) ws.close();\n  else signal.addEventListener('abort', () => ws.close(), { once: true });\n}\n`);

const error = { messageId: 'connectionNotClosed' as const, data: { label: 'a WebSocket', handle: 'ws', code: 'new WebSocket(…)' }, line: 5, column: 14, endLine: 5, endColumn: 55 };

runInBothModes('no-leaked-subscription: an end that emits an event nothing hears', rule, {
  valid: [],
  invalid: [
    // no 'error' listener: closing it while it connects would crash the process; offered, not written
    {
      code: unheard,
      errors: [{ ...error, suggestions: [{ messageId: 'endOnSignalUnheard', data: { signal: 'signal', event: 'error' }, output: ended(unheard) }] }],
    },
    // its 'error' is heard where it is made: the end is written
    { code: heard, output: ended(heard), errors: [error] },
  ],
});
