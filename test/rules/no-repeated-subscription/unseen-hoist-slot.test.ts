import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Hoisting `this.sub = client.duplicate()` out of a 'ready' listener whose later code reads
// `this.sub` would leave those reads without the assignment that narrowed them (`sub?: Redis`
// no longer compiles): the overwrite is reported, and the hoist withheld.
runInBothModes('no-repeated-subscription: no hoist of an assignment the callback reads after', rule, {
  valid: [],
  invalid: [
    {
      code: `
import Redis from 'ioredis';
export class PresenceTracker {
  private readonly client: Redis;
  private subscriber?: Redis;
  constructor(url: string) {
    this.client = new Redis(url);
    this.client.on('ready', () => {
      this.subscriber = this.client.duplicate();
      void this.subscriber.subscribe('presence');
    });
  }
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'this.client.duplicate()', every: "on every 'ready' event (again on each reconnect)", slot: 'this.subscriber' },
          line: 9,
          column: 25,
          endLine: 9,
          endColumn: 46,
          suggestions: [],
        },
      ],
    },
  ],
});
