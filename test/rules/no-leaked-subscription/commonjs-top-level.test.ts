import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester } from '../../ruleTester';

// ESLint wraps a CommonJS file (`sourceType: 'commonjs'`) in a function scope whose block is the
// Program: its top-level variables are module-level all the same, and outlive every call.
// ESLint's own `languageOptions.sourceType`, which the tester passes on as it is (its type lists only parser options).
const commonjs = { languageOptions: { sourceType: 'commonjs' } as TestLanguageOptions };

javascriptRuleTester.run('no-leaked-subscription: top-level variables of a CommonJS file', rule, {
  valid: [
    // added once, at the top level
    {
      ...commonjs,
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
bus.on('job', (job) => console.log(job));
module.exports = bus;
`,
    },
    // added per call, and removed by the same call
    {
      ...commonjs,
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function serve(req) {
  const onJob = () => req.send();
  bus.on('job', onJob);
  req.on('close', () => bus.off('job', onJob));
}
module.exports = serve;
`,
    },
  ],
  invalid: [
    {
      ...commonjs,
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function serve(req) {
  bus.on('job', () => req.send());
}
module.exports = serve;
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function serve(req, signal) {
  const onJob = () => req.send();
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}
module.exports = serve;
`,
            },
          ],
        },
      ],
    },
  ],
});
