import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A MongoDB change stream is an async iterable that never ends by itself: it ends when it or its client is closed.
runInBothModes('no-unbounded-loop: MongoDB change streams', rule, {
  valid: [
    // closed on abort: the iteration ends and the loop with it
    `
import type { Collection } from 'mongodb';
export async function follow(orders: Collection, signal: AbortSignal) {
  const stream = orders.watch();
  signal.addEventListener('abort', () => void stream.close(), { once: true });
  for await (const change of stream) console.log(change.operationType);
}
`,
    // a break on the signal
    `
import type { Db } from 'mongodb';
export async function follow(db: Db, signal: AbortSignal) {
  for await (const change of db.watch()) {
    if (signal.aborted) break;
    console.log(change.operationType);
  }
}
`,
  ],
  invalid: [
    {
      code: `
import type { Collection } from 'mongodb';
export async function follow(orders: Collection) {
  for await (const change of orders.watch()) {
    await Promise.resolve(change.operationType);
  }
}
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 45,
          suggestions: [
            {
              // the change stream's close() returns a promise: the abort listener voids it
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
import type { Collection } from 'mongodb';
export async function follow(orders: Collection, signal?: AbortSignal) {
  const changeStream = orders.watch();
  if (signal?.aborted) void changeStream.close();
  else signal?.addEventListener('abort', () => void changeStream.close(), { once: true });
  for await (const change of changeStream) {
    await Promise.resolve(change.operationType);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
