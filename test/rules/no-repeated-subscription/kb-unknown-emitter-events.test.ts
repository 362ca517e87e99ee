import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// How often an event fires is a fact of the object that fires it. On an object no family knows
// (a package the knowledge base has not described, a value of unknown provenance), nothing shows
// that its event comes again: its listener is no repeated context. An emitter whose kind is known
// (Node's EventEmitter) fires its events again unless its family says they come once.
runInBothModes('no-repeated-subscription: events of an emitter no family knows', rule, {
  valid: [
    // cote's monitor: an unknown package's socket emits 'bind' once per bind(), and nothing here
    // says otherwise; what runs in its listener runs once per bind.
    `
import { SubEmitterSocket } from 'unknown-transport';

export class Monitor {
  sock = new SubEmitterSocket();

  constructor() {
    this.sock.sock.on('bind', () => this.startDiscovery());
  }

  startDiscovery() {
    const draw = () => {
      setTimeout(draw, 1000);
    };
    draw();
  }
}
`,
    // An unknown receiver with a listener that starts an interval directly.
    `
import { Transport } from 'unknown-transport';

const transport = new Transport();
transport.on('bind', () => {
  setInterval(() => console.log('alive'), 1000);
});
`,
  ],
  invalid: [
    {
      // The same listener on a known EventEmitter: its 'bind' is no event the family says comes once.
      code: `
import { EventEmitter } from 'node:events';

const transport = new EventEmitter();
transport.on('bind', () => {
  setInterval(() => console.log('alive'), 1000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(…)', every: "on every 'bind' event", started: 'interval' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`transport.on(…)`' },
              output: `
import { EventEmitter } from 'node:events';

const transport = new EventEmitter();
setInterval(() => console.log('alive'), 1000);
transport.on('bind', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});
