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
  { imports: `import mysql from 'mysql2/promise';`, start: `mysql.createPool({ host: 'db' })`, shown: `mysql.createPool({ host: 'db' })`, endColumn: 30, label: 'MySQL connection pool', end: 'await db.end();' },
  { imports: `const mysql = require('mysql2');`, start: `mysql.createConnection({ host: 'db' })`, shown: `mysql.createConnection({ host: 'db' })`, endColumn: 36, label: 'MySQL connection', end: 'db.end();' },
  { imports: `import mongoose from 'mongoose';`, start: `mongoose.createConnection('mongodb://db/t')`, shown: 'mongoose.createConnection(…)', endColumn: 39, label: 'mongoose connection', end: 'await db.close();' },
  { imports: `import { Sequelize } from 'sequelize';`, start: `new Sequelize('postgres://db/app')`, shown: `new Sequelize('postgres://db/app')`, endColumn: 48, label: 'Sequelize connection pool', end: 'await db.close();' },
  { imports: `import { Agenda } from 'agenda';`, start: `new Agenda({ db: { address: 'mongodb://db' } })`, shown: 'new Agenda(…)', endColumn: 61, label: 'Agenda instance (its MongoDB connection)', end: 'await db.close();' },
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
    // Agenda handed an existing MongoDB database opens no connection of its own
    perRequest(`import { Agenda } from 'agenda';`, `const a = new Agenda({ mongo: res.locals.db });\n  await a.now('x');`),
    // awaited through `asPromise()`, which resolves to the connection it is called on, and closed
    perRequest(`import mongoose from 'mongoose';`, `const conn = await mongoose.createConnection('mongodb://db/t').asPromise();\n  try {\n    await conn.model('U', new mongoose.Schema({})).find();\n  } finally {\n    await conn.close();\n  }`),
    // a MySQL connection ends at destroy() too, which closes its socket at once
    perRequest(`import mysql from 'mysql';`, `const conn = mysql.createConnection({ host: 'db' });\n  conn.query('select 1', () => conn.destroy());`),
    perRequest(`import mysql from 'mysql2/promise';`, `const conn = await mysql.createConnection({ host: 'db' });\n  try {\n    await conn.query('select 1');\n  } finally {\n    conn.destroy();\n  }`),
    // a browser launched and closed in the same request
    perRequest(`import puppeteer from 'puppeteer-core';`, `const browser = await puppeteer.launch();\n  try {\n    await browser.newPage();\n  } finally {\n    await browser.close();\n  }`),
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
    // awaited through `asPromise()` and never closed
    {
      code: perRequest(`import mongoose from 'mongoose';`, `const conn = await mongoose.createConnection('mongodb://db/t').asPromise();\n  await conn.model('U', new mongoose.Schema({})).find();`),
      errors: [{ messageId: 'repeatedStart' as const, data: { code: 'mongoose.createConnection(…)', every: 'on every request to this route', started: 'mongoose connection' }, line: 7, column: 22, endLine: 7, endColumn: 47 }],
    },
    // a browser launched per request and never closed
    {
      code: perRequest(`import puppeteer from 'puppeteer-core';`, `const browser = await puppeteer.launch();\n  await browser.newPage();`),
      errors: [{ messageId: 'repeatedStart' as const, data: { code: 'puppeteer.launch()', every: 'on every request to this route', started: 'browser process' }, line: 7, column: 25, endLine: 7, endColumn: 41 }],
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
