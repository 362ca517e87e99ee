import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A factory method that opens a client and, on an event that client fires again on every
// reconnect, opens the next one into the same member: the old client keeps reconnecting, one more
// on every 'error'. A client kept in a `const` and returned is the factory's start as much as
// `return new Redis()` is.
runInBothModes('no-leaked-subscription: a client reopened from its own reconnect events', rule, {
  valid: [
    // 'end' fires once, when the client has given up: the next one replaces a dead one.
    `
import { Redis } from 'ioredis';

export class Feed {
  private sub: Redis;
  constructor() {
    this.sub = this.open();
  }
  private open(): Redis {
    const sub = new Redis();
    sub.once('end', () => {
      this.sub = this.open();
    });
    void sub.subscribe('feed');
    return sub;
  }
  close(): void {
    this.sub.removeAllListeners('end');
    this.sub.disconnect();
  }
}
`,
    // The old client is ended before the new one takes its place.
    `
import { Redis } from 'ioredis';

export class Feed {
  private sub: Redis;
  constructor() {
    this.sub = this.open();
  }
  private open(): Redis {
    const sub = new Redis();
    sub.on('error', () => {
      sub.disconnect();
      this.sub = this.open();
    });
    return sub;
  }
  close(): void {
    this.sub.disconnect();
  }
}
`,
    // Another class of the file reopens its own \`open\`: not this one's.
    `
import { Redis } from 'ioredis';

export class Once {
  private sub: Redis;
  constructor() {
    this.sub = this.open();
  }
  private open(): Redis {
    const sub = new Redis();
    return sub;
  }
  close(): void {
    this.sub.disconnect();
  }
}

export class Other {
  private sub: Redis;
  constructor() {
    this.sub = new Redis();
    this.sub.on('error', () => this.open());
  }
  private open(): void {
    console.log('reopen');
  }
  close(): void {
    this.sub.disconnect();
  }
}
`,
  ],
  invalid: [
    {
      code: `
import { Redis } from 'ioredis';

export class Feed {
  private sub: Redis;
  constructor() {
    this.sub = this.open();
  }
  private open(): Redis {
    const sub = new Redis();
    sub.on('error', () => {
      this.sub = this.open();
    });
    void sub.subscribe('feed');
    return sub;
  }
  close(): void {
    this.sub.disconnect();
  }
}
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: {
            code: 'new Redis()',
            label: 'a Redis connection',
            member: 'this.sub',
            again: 'open',
            every: "on every 'error' event (again on each reconnect) (line 12)",
          },
          line: 10,
          column: 17,
          endLine: 10,
          endColumn: 28,
        },
      ],
    },
  ],
});
