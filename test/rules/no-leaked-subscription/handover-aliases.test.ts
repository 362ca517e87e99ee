import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// One handle stored under several members of `this` (`this._client = client` for tests, and
// `this.client = client` once it is ready): it is ended when the teardown ends any of them, and
// leaks when it ends none. Storing it twice is no end.
const transport = (teardown: string): string => `
import Redis from 'ioredis';

export class Transport {
  client: Redis | undefined;
  lastClient: Redis | undefined;
  connected = false;
  connect() {
    const client = new Redis();
    this.lastClient = client;
    client.on('ready', () => {
      this.client = client;
      this.connected = true;
    });
  }
  disconnect() {
    this.connected = false;${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: a handle stored under several members', rule, {
  valid: [
    // the teardown ends it under the name it is ready under
    transport('\n    void this.client?.quit();'),
    // or under the other
    transport('\n    this.lastClient?.disconnect();'),
  ],
  invalid: [
    {
      // stored on this in two places and the teardown ends neither (it used to be left alone)
      code: `
export class Poller {
  timer: ReturnType<typeof setInterval> | undefined;
  last: ReturnType<typeof setInterval> | undefined;
  start(poll: () => void) {
    const timer = setInterval(poll, 1000);
    this.timer = timer;
    this.last = timer;
  }
  stop() {
    console.log('stopped');
  }
}
`,
      output: `
export class Poller {
  timer: ReturnType<typeof setInterval> | undefined;
  last: ReturnType<typeof setInterval> | undefined;
  start(poll: () => void) {
    const timer = setInterval(poll, 1000);
    this.timer = timer;
    this.last = timer;
  }
  stop() {
    console.log('stopped');
    clearInterval(this.timer);
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'setInterval(poll, 1000)', label: 'an interval', member: 'this.timer', teardown: 'stop' },
          line: 6,
          column: 19,
          endLine: 6,
          endColumn: 30,
        },
      ],
    },
    {
      code: transport(''),
      output: transport('\n    void this.lastClient?.quit();'),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Redis()', label: 'a Redis connection', member: 'this.lastClient', teardown: 'disconnect' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 31,
        },
      ],
    },
  ],
});
