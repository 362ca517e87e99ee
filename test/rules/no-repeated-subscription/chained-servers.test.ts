import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// `http.createServer(app).listen(port)` hands back the server it listened: dropped once at start-up
// it serves the program, but dropped (or stored over the last one) in code that runs again it is one
// more listening server each run. `listen()` returns its receiver, so the stored value is the server.
runInBothModes('no-repeated-subscription: a server listened through a chained call', rule, {
  valid: [
    `
import http from 'node:http';
http.createServer((req, res) => res.end('ok')).listen(8080);
`,
    `
import http from 'node:http';
import cron from 'node-cron';
let server: http.Server | undefined;
cron.schedule('* * * * *', () => {
  server?.close();
  server = http.createServer((req, res) => res.end('ok')).listen(0);
});
`,
  ],
  invalid: [
    {
      code: `
import http from 'node:http';
import cron from 'node-cron';
cron.schedule('* * * * *', () => {
  http.createServer((req, res) => res.end('ok')).listen(0);
});
`,
      errors: [{ messageId: 'repeatedStart', data: { code: 'http.createServer(…)', every: 'on every tick of this cron job', started: 'HTTP server' }, line: 5, column: 3 }],
    },
    {
      code: `
import http from 'node:http';
import cron from 'node-cron';
let server: http.Server | undefined;
cron.schedule('* * * * *', () => {
  server = http.createServer((req, res) => res.end('ok')).listen(0);
});
`,
      errors: [{ messageId: 'repeatedOverwrite', data: { code: 'http.createServer(…)', every: 'on every tick of this cron job', slot: 'server' }, line: 6, column: 12 }],
    },
  ],
});
