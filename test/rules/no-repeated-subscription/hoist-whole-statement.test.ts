import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// "Start it once, before the job" moves the statement that starts. A statement that also does
// something with the call's result (`void sync().then(report)`) would take that work out of the
// job with it: the job would then report once, not on every tick. Not offered there.
const helper = `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

async function sync(): Promise<number> {
  bus.on('order', (id: string) => console.log('order', id));
  return 1;
}

function report(count: number): void {
  console.log('synced', count);
}
`;

runInBothModes('no-repeated-subscription: hoisting moves the start, not the job', rule, {
  valid: [],
  invalid: [
    {
      code: `${helper}
setInterval(() => {
  void sync().then(report);
}, 60_000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'sync', every: 'on every tick of this interval', started: "'order' listener", path: 'bus.on (file.ts:7)' },
          line: 16,
          column: 8,
          endLine: 16,
          endColumn: 12,
          suggestions: [],
        },
      ],
    },
    {
      // The call alone: moving it moves only the start.
      code: `${helper}
setInterval(() => {
  void sync();
}, 60_000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 16,
          column: 8,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`setInterval(…)`' },
              output: `${helper}
void sync();
setInterval(() => {
}, 60_000);
`,
            },
          ],
        },
      ],
    },
  ],
});
