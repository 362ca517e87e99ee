import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A teardown that returns a promise often closes its member inside the `new Promise` executor
// (rhea-promise's `close()` calls `this._connection.close()` there and resolves on its 'close'
// event): the executor runs on the spot, as part of the teardown, so that close ends the member
// and every listener on it. A teardown whose executor only sets a flag ends nothing.
const cache = (teardown: string): string => `
import Redis from 'ioredis';

export class Cache {
  private redis: Redis;
  private closed = false;

  constructor(options: { redis?: Redis }) {
    this.redis = options.redis ?? new Redis();
  }

  start(): void {
    this.redis.on('error', (error) => console.error(error));
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
${teardown}
      resolve();
    });
  }
}
`;

runInBothModes('no-leaked-subscription: a teardown that closes inside its promise executor', rule, {
  valid: [
    cache(`      this.redis.disconnect();`),
    cache(`      if (!this.closed) {
        this.closed = true;
        this.redis.disconnect();
      }`),
  ],
  invalid: [
    {
      code: cache(`      this.closed = true;`),
      errors: [{ messageId: 'listenerNotRemoved', line: 13, column: 5, endLine: 13, endColumn: 18 }],
    },
  ],
});
