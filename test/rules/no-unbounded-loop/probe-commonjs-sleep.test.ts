import rule from '../../../rules/no-unbounded-loop';
import { javascriptRuleTester } from '../../ruleTester';

// A CommonJS file linted as a module (ESLint's default for `.js`): it has no import and calls
// `require`, so the sleep the suggestion adds is required too; an `import` there would not load.
javascriptRuleTester.run('no-unbounded-loop: the sleep added to a CommonJS file', rule, {
  valid: [],
  invalid: [
    {
      code: `'use strict';
const { receive } = require('./queue');

async function drain(queue) {
  while (true) {
    try {
      await receive(queue);
    } catch (error) {
      console.warn('receive failed', error);
    }
  }
}
module.exports = { drain };
`,
      errors: [
        {
          messageId: 'unboundedLoop',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`drain()`' },
              output: `'use strict';
const { receive } = require('./queue');

async function drain(queue, signal) {
  while (!signal?.aborted) {
    try {
      await receive(queue);
    } catch (error) {
      console.warn('receive failed', error);
    }
  }
}
module.exports = { drain };
`,
            },
          ],
        },
        {
          messageId: 'spinningCatch',
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `'use strict';
const { setTimeout: sleep } = require('node:timers/promises');
const { receive } = require('./queue');

async function drain(queue) {
  while (true) {
    try {
      await receive(queue);
    } catch (error) {
      console.warn('receive failed', error);
      await sleep(1000);
    }
  }
}
module.exports = { drain };
`,
            },
          ],
        },
      ],
    },
  ],
});
