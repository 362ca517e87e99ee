import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours whose `disconnect()` only runs its `close()` (test/fixtures/project/relay.ts)
// still holds what `close()` ends: a teardown that runs another is its owner's call, not the class
// ending itself. Either method ends an instance.
const filename = 'project/jobs.ts';

runInBothModes('no-leaked-subscription: an instance of a class of ours with a teardown that runs another', rule, {
  valid: [
    {
      // Ended by the method that runs the teardown.
      filename,
      code: `
import { Relay } from './relay';
export async function announce(id: string) {
  const relay = new Relay('redis://localhost');
  try {
    await relay.publish('jobs', id);
  } finally {
    await relay.disconnect();
  }
}
`,
    },
    {
      // Ended by the teardown itself.
      filename,
      code: `
import { Relay } from './relay';
export async function announce(id: string) {
  const relay = new Relay('redis://localhost');
  try {
    await relay.publish('jobs', id);
  } finally {
    await relay.close();
  }
}
`,
    },
  ],
  invalid: [
    {
      filename,
      code: `
import { Relay } from './relay';
export async function announce(id: string) {
  const relay = new Relay('redis://localhost');
  await relay.publish('jobs', id);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "new Relay('redis://localhost')", label: 'a Relay (its `close()` ends a Redis connection)', handle: 'relay' },
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`announce()`' },
              output: `
import { Relay } from './relay';
export async function announce(id: string, signal?: AbortSignal) {
  const relay = new Relay('redis://localhost');
  if (signal?.aborted) void relay.close();
  else signal?.addEventListener('abort', () => void relay.close(), { once: true });
  await relay.publish('jobs', id);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
