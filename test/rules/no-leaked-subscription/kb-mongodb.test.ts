import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: MongoDB change streams and clients', rule, {
  valid: [
    // the change stream is closed when the caller's signal aborts
    `
import type { Collection } from 'mongodb';

export function followOrders(orders: Collection, signal: AbortSignal, onChange: (id: unknown) => void) {
  const stream = orders.watch();
  stream.on('change', (change) => onChange(change.documentKey?._id));
  signal.addEventListener('abort', () => void stream.close(), { once: true });
}
`,
    // the change stream is handed back to the caller, who closes it
    `
import type { Db } from 'mongodb';

export function watchDatabase(db: Db) {
  return db.watch([{ $match: { operationType: 'insert' } }]);
}
`,
    // iterated, then closed in a finally
    `
import type { MongoClient } from 'mongodb';

export async function firstChange(client: MongoClient) {
  const stream = client.watch();
  try {
    for await (const change of stream) return change;
  } finally {
    await stream.close();
  }
  return undefined;
}
`,
    // kept by the object that closes it in its own close()
    `
import type { Collection } from 'mongodb';
import type { ChangeStream } from 'mongodb';

export class OrderFeed {
  private stream?: ChangeStream;
  constructor(private readonly orders: Collection) {}
  start() {
    this.stream = this.orders.watch();
  }
  async close() {
    await this.stream?.close();
  }
}
`,
    // a client opened for one task and closed in a finally
    `
import { MongoClient } from 'mongodb';

export async function countOrders(url: string) {
  const client = await MongoClient.connect(url);
  try {
    return await client.db('shop').collection('orders').findOne({});
  } finally {
    await client.close();
  }
}
`,
  ],
  invalid: [
    {
      // a change stream on a collection handed in, dropped after adding its listener
      code: `
import type { Db } from 'mongodb';

export function watchOrders(db: Db, onOrder: (id: unknown) => void) {
  const stream = db.collection('orders').watch();
  stream.on('change', (change) => onOrder(change.documentKey?._id));
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { label: 'a MongoDB change stream', handle: 'stream', ended: 'closed', code: "db.collection('orders').watch()" },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchOrders()`' },
              output: `
import type { Db } from 'mongodb';

export function watchOrders(db: Db, onOrder: (id: unknown) => void, signal?: AbortSignal) {
  const stream = db.collection('orders').watch();
  stream.on('change', (change) => onOrder(change.documentKey?._id));
  if (signal?.aborted) void stream.close();
  else signal?.addEventListener('abort', () => void stream.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // with a signal in scope, --fix closes the client's change stream on abort
      code: `
import type { MongoClient } from 'mongodb';

export function auditChanges(client: MongoClient, signal: AbortSignal) {
  const changes = client.watch();
  changes.on('change', (change) => console.log(change.operationType));
}
`,
      output: `
import type { MongoClient } from 'mongodb';

export function auditChanges(client: MongoClient, signal: AbortSignal) {
  const changes = client.watch();
  changes.on('change', (change) => console.log(change.operationType));
  if (signal.aborted) void changes.close();
  else signal.addEventListener('abort', () => void changes.close(), { once: true });
}
`,
      errors: [{ messageId: 'handleNotEnded', line: 5, column: 19, endLine: 5, endColumn: 31 }],
    },
    {
      // a client opened per call and never closed
      code: `
import { MongoClient } from 'mongodb';

export async function countOrders(url: string) {
  const client = new MongoClient(url);
  return client.db('shop').collection('orders').findOne({});
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a MongoDB client', handle: 'client', code: 'new MongoClient(url)' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`countOrders()`' },
              output: `
import { MongoClient } from 'mongodb';

export async function countOrders(url: string, signal?: AbortSignal) {
  const client = new MongoClient(url);
  if (signal?.aborted) void client.close();
  else signal?.addEventListener('abort', () => void client.close(), { once: true });
  return client.db('shop').collection('orders').findOne({});
}
`,
            },
          ],
        },
      ],
    },
  ],
});
