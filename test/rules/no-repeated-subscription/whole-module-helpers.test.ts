import * as path from 'node:path';

import rule from '../../../rules/no-repeated-subscription';
import { fixturesDir, javascriptRuleTester, untypedRuleTester } from '../../ruleTester';

// A helper module that is one function (test/fixtures/commonjs/watchOrders.js:
// `module.exports = function (bus, onOrder) { bus.on('order', onOrder); }`) is followed from a
// whole-module `require` and from a default import, as a named export is.
const javascript = path.join(fixturesDir, 'commonjs', 'jobs.js');
const typescript = path.join(fixturesDir, 'commonjs', 'jobs.ts');

const job = (load: string, handler: string): string => `
${load}
import { EventEmitter } from 'node:events';
import cron from 'node-cron';

const bus = new EventEmitter();
cron.schedule('* * * * *', () => {
  watchOrders(bus, ${handler});
});
`;

javascriptRuleTester.run('no-repeated-subscription: a helper module that is one function (JavaScript)', rule, {
  valid: [],
  invalid: [
    {
      filename: javascript,
      code: job("const watchOrders = require('./watchOrders');", '(order) => console.log(order)'),
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'watchOrders', every: 'on every tick of this cron job', started: "'order' listener", path: 'bus.on (watchOrders.js:4)' },
          line: 8,
          column: 3,
        },
      ],
    },
  ],
});

untypedRuleTester.run('no-repeated-subscription: a helper module that is one function, imported by default', rule, {
  valid: [],
  invalid: [
    {
      filename: typescript,
      code: job("import watchOrders from './watchOrders';", '(order: unknown) => console.log(order)'),
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'watchOrders', every: 'on every tick of this cron job', started: "'order' listener", path: 'bus.on (watchOrders.js:4)' },
          line: 8,
          column: 3,
        },
      ],
    },
  ],
});
