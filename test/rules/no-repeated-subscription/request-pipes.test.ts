import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Untyped, the knowledge base tells that `createServer`'s handler is given two streams.
runInBothModes('no-repeated-subscription: a request piped into a long-lived writable', rule, {
  valid: [
    // pipeline cleans up on every path; pipe() into the response it ends goes with the request
    `
import http from 'node:http';
import fs from 'node:fs';
import { pipeline } from 'node:stream';

const log = fs.createWriteStream('requests.log', { flags: 'a' });

http
  .createServer((req, res) => {
    pipeline(req, log, () => res.end('ok'));
  })
  .listen(8080);
http
  .createServer((req, res) => {
    req.pipe(res);
  })
  .listen(8081);
`,
    // listeners on the request itself go with it
    `
import http from 'node:http';

http.createServer((req, res) => {
  req.on('data', (chunk) => res.write(chunk));
  req.on('end', () => res.end());
});
`,
  ],
  invalid: [
    {
      // each request leaves its pipe's listeners on the log, which { end: false } keeps open
      code: `
import http from 'node:http';
import fs from 'node:fs';

const log = fs.createWriteStream('requests.log', { flags: 'a' });

http
  .createServer((req, res) => {
    req.pipe(log, { end: false });
    res.end('ok');
  })
  .listen(8080);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'req.pipe(log, { end: false })', every: 'on every request to this server', started: 'pipe' },
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 13,
        },
      ],
    },
    {
      // pipe() never ends process.stdout
      code: `
import http from 'node:http';

http.createServer((req, res) => {
  req.pipe(process.stdout);
  req.on('end', () => res.end());
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'req.pipe(process.stdout)', every: 'on every request to this server', started: 'pipe' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
        },
      ],
    },
  ],
});
