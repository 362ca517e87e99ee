import { RuleTester } from '@typescript-eslint/rule-tester';
import * as espree from 'espree';

import rule from '../../../rules/no-leaked-subscription';

// ESLint wraps a CommonJS file (`sourceType: 'commonjs'`) in a function scope whose block is the
// Program: its top-level variables are module-level all the same, and outlive every call.
const commonjsRuleTester = new RuleTester({
  languageOptions: { parser: espree, sourceType: 'commonjs' },
  defaultFilenames: { ts: 'file.js', tsx: 'file.jsx' },
});

commonjsRuleTester.run('no-leaked-subscription: top-level variables of a CommonJS file', rule, {
  valid: [
    // added once, at the top level
    `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
bus.on('job', (job) => console.log(job));
module.exports = bus;
`,
    // added per call, and removed by the same call
    `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function serve(req) {
  const onJob = () => req.send();
  bus.on('job', onJob);
  req.on('close', () => bus.off('job', onJob));
}
module.exports = serve;
`,
  ],
  invalid: [
    {
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
  signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
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
