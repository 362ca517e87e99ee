import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Clients of other services that hold connections, a thread or a timer until ended: a gRPC client,
// a knex pool, a pooled nodemailer transport, a pino transport, a node-cache instance, an HTTP/2
// session. Made per request and never ended, each request leaves one more.
const perRequest = (imports: string, body: string) => `
${imports}
import express from 'express';

const app = express();
app.get('/x', async (_req, res) => {
  ${body}
  res.end();
});
`;

const cases = [
  { imports: `import knex from 'knex';`, start: `knex({ client: 'pg' })`, shown: `knex({ client: 'pg' })`, endColumn: 18, label: 'knex connection pool', end: 'await db.destroy();' },
  { imports: `import * as grpc from '@grpc/grpc-js';`, start: `new grpc.Client('inventory:50051', grpc.credentials.createInsecure())`, shown: 'new grpc.Client(…)', endColumn: 83, label: 'gRPC client (its channel)', end: 'db.close();' },
  { imports: `import nodemailer from 'nodemailer';`, start: `nodemailer.createTransport({ pool: true, host: 'smtp' })`, shown: 'nodemailer.createTransport(…)', endColumn: 40, label: 'pooled SMTP transport', end: 'db.close();' },
  { imports: `import pino from 'pino';`, start: `pino.transport({ target: 'pino/file' })`, shown: `pino.transport({ target: 'pino/file' })`, endColumn: 28, label: 'pino transport (a worker thread)', end: 'db.end();' },
  { imports: `import NodeCache from 'node-cache';`, start: `new NodeCache({ stdTTL: 60 })`, shown: `new NodeCache({ stdTTL: 60 })`, endColumn: 43, label: 'node-cache instance (its expiry timer)', end: 'db.close();' },
  { imports: `import http2 from 'node:http2';`, start: `http2.connect('https://profiles:8443')`, shown: `http2.connect('https://profiles:8443')`, endColumn: 27, label: 'HTTP/2 client session', end: 'db.close();' },
];

runInBothModes('no-repeated-subscription: service clients made per request', rule, {
  valid: [
    // ended in the same request
    ...cases.map(({ imports, start, end }) => perRequest(imports, `const db = ${start};\n  try {\n    void db;\n  } finally {\n    ${end}\n  }`)),
    // made once, shared by every request
    `
import knex from 'knex';
import express from 'express';
const db = knex({ client: 'pg' });
const app = express();
app.get('/x', async (_req, res) => res.json(await db('t').select('*')));
`,
    // an HTTP/2 session closed by its connect listener, which is handed it
    perRequest(
      `import http2 from 'node:http2';`,
      `http2.connect('https://profiles:8443', (session) => {\n    session.request({ ':path': '/' }).on('close', () => session.close()).end();\n  });`,
    ),
    // no pool, no expiry timer: nothing held
    perRequest(`import nodemailer from 'nodemailer';`, `const t = nodemailer.createTransport({ host: 'smtp' });\n  await t.sendMail({ to: 'a@b' });`),
    perRequest(`import NodeCache from 'node-cache';`, `const c = new NodeCache({ checkperiod: 0 });\n  c.set('a', 1);`),
  ],
  // A call is reported at its callee, a `new` as a whole; long code is shortened in the message.
  invalid: [
    // its connect listener only uses the session
    {
      code: perRequest(`import http2 from 'node:http2';`, `http2.connect('https://profiles:8443', (session) => {\n    session.request({ ':path': '/' }).end();\n  });`),
      errors: [
        {
          messageId: 'repeatedStart' as const,
          data: { code: 'http2.connect(…)', every: 'on every request to this route', started: 'HTTP/2 client session' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 16,
        },
      ],
    },
    ...cases.map(({ imports, start, shown, label, endColumn }) => ({
    code: perRequest(imports, `const db = ${start};\n  void db;`),
    errors: [
      {
        messageId: 'repeatedStart' as const,
        data: { code: shown, every: 'on every request to this route', started: label },
        line: 7,
        column: 14,
        endLine: 7,
        endColumn,
      },
    ],
  })),
  ],
});
