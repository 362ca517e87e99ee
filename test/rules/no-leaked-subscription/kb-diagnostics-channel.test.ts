import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// `diagnostics_channel.subscribe(name, f)` adds `f` to a process-wide channel (channels are shared
// by name) until `unsubscribe(name, f)`; it hands back no handle.
runInBothModes('no-leaked-subscription: diagnostics_channel subscribers', rule, {
  valid: [
    // Unsubscribed in finally.
    `
import diagnostics from 'node:diagnostics_channel';

export async function countQueries(run: () => Promise<void>) {
  let queries = 0;
  const onQuery = () => {
    queries++;
  };
  diagnostics.subscribe('db.query', onQuery);
  try {
    await run();
  } finally {
    diagnostics.unsubscribe('db.query', onQuery);
  }
  return queries;
}
`,
    // Subscribed once for the program.
    `
import { subscribe } from 'node:diagnostics_channel';

subscribe('http.client.request.start', () => console.log('outgoing request'));
`,
  ],
  invalid: [
    {
      code: `
import diagnostics from 'node:diagnostics_channel';

export function traceQueries(log: (q: unknown) => void) {
  diagnostics.subscribe('db.query', (message) => log(message));
}
`,
      output: null,
      errors: [
        {
          messageId: 'endFunctionNeverCalled',
          data: { code: 'diagnostics.subscribe(…)', label: 'a diagnostics channel subscriber', end: 'unsubscribe' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 24,
        },
      ],
    },
  ],
});
