import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A named function handed by name to a timer or a server is a callback like an inline one: each
// run is one repetition, and what it starts on a shared emitter piles up.
runInBothModes('no-repeated-subscription: application idioms', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';
import * as http from 'node:http';

const bus = new EventEmitter();

function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  const send = (data: string) => res.write(data);
  bus.on('update', send);
  req.on('close', () => bus.off('update', send));
}
http.createServer(onRequest).listen(8080);
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';
import * as http from 'node:http';

const bus = new EventEmitter();

function tick() {
  bus.on('job', () => console.log('job'));
}
setInterval(tick, 1000);

function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  bus.on('update', (data: string) => res.write(data));
}
http.createServer(onRequest).listen(8080);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`setInterval(tick, 1000)`' },
              output: `
import { EventEmitter } from 'node:events';
import * as http from 'node:http';

const bus = new EventEmitter();

function tick() {
}
bus.on('job', () => console.log('job'));
setInterval(tick, 1000);

function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  bus.on('update', (data: string) => res.write(data));
}
http.createServer(onRequest).listen(8080);
`,
            },
          ],
        },
        {
          messageId: 'repeatedStart',
          line: 13,
          column: 3,
          endLine: 13,
          endColumn: 9,
          suggestions: [],
        },
      ],
    },
  ],
});
