import rule from '../../../rules/no-repeated-subscription';
import { typedRuleTester } from '../../ruleTester';

// Only the checker knows a request handler's `req` is a stream.
typedRuleTester.run('no-repeated-subscription: stream pipe() per request', rule, {
  valid: [
    // pipeline cleans up on every path; pipe() into a response it ends goes with the request
    `
import http from 'node:http';
import { pipeline } from 'node:stream';
import type { Writable } from 'node:stream';
declare const log: Writable;

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
  ],
  invalid: [
    {
      code: `
import http from 'node:http';
import type { Writable } from 'node:stream';
declare const log: Writable;

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
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 13,
        },
      ],
    },
  ],
});
