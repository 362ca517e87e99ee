import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-repeated-subscription: streams made with new PassThrough() or new Readable() are emitters', rule, {
  valid: [
    // a stream made per tick, and its listener with it
    `
import { Readable } from 'node:stream';

setInterval(() => {
  const source = new Readable({ read() {} });
  source.on('data', (chunk) => console.log(chunk));
  source.push(null);
}, 1000);
`,
  ],
  invalid: [
    {
      // one more listener on the module's stream every tick
      code: `
import { PassThrough } from 'node:stream';

const out = new PassThrough();
setInterval(() => {
  out.on('data', (chunk) => console.log(chunk));
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 9,
        },
      ],
    },
  ],
});
