import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Which events of the new families come again: an axon socket's 'bind' once, its 'connect' on
// every (re)connection; an Awareness's 'change' on every update; eventemitter3 is an emitter.
runInBothModes('no-repeated-subscription: events of axon sockets, Awareness and eventemitter3', rule, {
  valid: [
    // 'bind' fires once per bind(): what runs in its listener runs once.
    `
import axon from 'axon';

const sock = axon.socket('sub-emitter');
sock.bind(3000);
sock.sock.on('bind', () => {
  setInterval(() => console.log('alive'), 1000);
});
`,
  ],
  invalid: [
    {
      // axon's 'connect' comes again on every reconnect: one more 'job' listener each time
      code: `
import axon from 'axon';

const sock = axon.socket('sub-emitter');
sock.connect(3000);
sock.sock.on('connect', () => {
  sock.on('job', (job: unknown) => console.log(job));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 10,
        },
      ],
    },
    {
      // eventemitter3 is an emitter: a listener added on every tick piles up
      code: `
import EventEmitter from 'eventemitter3';

const bus = new EventEmitter();
const handle = (job: unknown) => console.log(job);

setInterval(() => {
  bus.on('job', handle);
}, 1000);
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
              output: `
import EventEmitter from 'eventemitter3';

const bus = new EventEmitter();
const handle = (job: unknown) => console.log(job);

bus.on('job', handle);
setInterval(() => {
}, 1000);
`,
            },
          ],
        },
      ],
    },
    {
      // an Awareness's 'change' comes with every update: one more interval per change
      code: `
import { Awareness } from 'y-protocols/awareness';

export function track(awareness: Awareness) {
  awareness.on('change', () => {
    setInterval(() => console.log(awareness.getStates().size), 1000);
  });
}
`,
      errors: [
        {
          messageId: 'repeatedStart',
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import { Awareness } from 'y-protocols/awareness';

export function track(awareness: Awareness) {
  setInterval(() => console.log(awareness.getStates().size), 1000);
  awareness.on('change', () => {
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
