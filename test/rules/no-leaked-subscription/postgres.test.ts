import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: postgres', rule, {
  valid: [
    // the pooled client is released in finally (the node-postgres docs idiom)
    `
import { Pool } from 'pg';

const pool = new Pool();

export async function countUsers() {
  const client = await pool.connect();
  try {
    const result = await client.query('SELECT count(*) FROM users');
    return result.rows[0];
  } finally {
    client.release();
  }
}
`,
    // the callback form hands the client and its release to the callback
    `
import { Pool } from 'pg';

const pool = new Pool();

export function countUsers() {
  pool.connect((err, client, release) => {
    if (err) return;
    void client.query('SELECT 1').finally(() => release());
  });
}
`,
    // the LISTEN client is ended when the caller's signal aborts
    `
import { Client } from 'pg';

export async function listenForJobs(signal: AbortSignal, onJob: (payload: string | undefined) => void) {
  const client = new Client();
  await client.connect();
  await client.query('LISTEN jobs');
  client.on('notification', (msg) => onJob(msg.payload));
  signal.addEventListener('abort', () => void client.end(), { once: true });
}
`,
    // pg-listen subscriber closed on abort
    `
import createSubscriber from 'pg-listen';

export async function watchChannel(channel: string, signal: AbortSignal) {
  const subscriber = createSubscriber({ connectionString: process.env.DATABASE_URL });
  await subscriber.connect();
  await subscriber.listenTo(channel);
  signal.addEventListener('abort', () => void subscriber.close(), { once: true });
}
`,
  ],
  invalid: [
    {
      // a pooled client checked out per call to LISTEN, never released
      code: `
import { Pool } from 'pg';

const pool = new Pool();

export async function listenForJobs(onJob: (payload: string | undefined) => void) {
  const client = await pool.connect();
  await client.query('LISTEN jobs');
  client.on('notification', (msg) => onJob(msg.payload));
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a PostgreSQL LISTEN', connection: 'client', code: "client.query('LISTEN jobs')" },
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`listenForJobs()`' },
              output: `
import { Pool } from 'pg';

const pool = new Pool();

export async function listenForJobs(onJob: (payload: string | undefined) => void, signal?: AbortSignal) {
  const client = await pool.connect();
  if (signal?.aborted) client.release();
  else signal?.addEventListener('abort', () => client.release(), { once: true });
  await client.query('LISTEN jobs');
  client.on('notification', (msg) => onJob(msg.payload));
}
`,
            },
          ],
        },
      ],
    },
    {
      // a client checked out per request and never released
      code: `
import { Pool } from 'pg';

const pool = new Pool();

export async function countUsers() {
  const client = await pool.connect();
  const result = await client.query('SELECT count(*) FROM users');
  return result.rows[0];
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a pooled PostgreSQL client', handle: 'client', code: 'pool.connect()' },
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`countUsers()`' },
              output: `
import { Pool } from 'pg';

const pool = new Pool();

export async function countUsers(signal?: AbortSignal) {
  const client = await pool.connect();
  if (signal?.aborted) client.release();
  else signal?.addEventListener('abort', () => client.release(), { once: true });
  const result = await client.query('SELECT count(*) FROM users');
  return result.rows[0];
}
`,
            },
          ],
        },
      ],
    },
    {
      // a Client opened per call, never ended
      code: `
import pg from 'pg';

export async function lookup(id: string) {
  const client = new pg.Client();
  await client.connect();
  const result = await client.query('SELECT * FROM t WHERE id = $1', [id]);
  console.log(result.rows);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a PostgreSQL client', handle: 'client', code: 'new pg.Client()' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`lookup()`' },
              output: `
import pg from 'pg';

export async function lookup(id: string, signal?: AbortSignal) {
  const client = new pg.Client();
  if (signal?.aborted) void client.end();
  else signal?.addEventListener('abort', () => void client.end(), { once: true });
  await client.connect();
  const result = await client.query('SELECT * FROM t WHERE id = $1', [id]);
  console.log(result.rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      // pg-listen: a subscriber per call, never closed
      code: `
import createSubscriber from 'pg-listen';

export async function watchChannel(channel: string) {
  const subscriber = createSubscriber({ connectionString: process.env.DATABASE_URL });
  await subscriber.connect();
  await subscriber.listenTo(channel);
}
`,
      errors: [
        {
          messageId: 'subscriptionConnectionNotClosed',
          data: { label: 'a PostgreSQL LISTEN', connection: 'subscriber', code: 'subscriber.listenTo(channel)' },
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchChannel()`' },
              output: `
import createSubscriber from 'pg-listen';

export async function watchChannel(channel: string, signal?: AbortSignal) {
  const subscriber = createSubscriber({ connectionString: process.env.DATABASE_URL });
  if (signal?.aborted) void subscriber.close();
  else signal?.addEventListener('abort', () => void subscriber.close(), { once: true });
  await subscriber.connect();
  await subscriber.listenTo(channel);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
