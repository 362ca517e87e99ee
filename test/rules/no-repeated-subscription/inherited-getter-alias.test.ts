import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A subclass reads what its base holds through the base's getter (`get client() { return this._client; }`):
// `this.client.quit()` in the subclass ends `this._client`.
const worker = (subclass: string, made: string) => `
import Redis from 'ioredis';
import express from 'express';

class Base {
  private _client: Redis;
  constructor() {
    this._client = new Redis();
  }
  get client(): Redis {
    return this._client;
  }
}

class Worker extends Base {
${subclass}
}

const app = express();
app.get('/work', async (req, res) => {
${made}
  res.end('ok');
});
`;

runInBothModes('no-repeated-subscription: a base class getter read by a subclass', rule, {
  valid: [
    // The subclass's close() quits the base's connection through the getter, and the route closes each one.
    worker('  async close(): Promise<void> {\n    await this.client.quit();\n  }', '  const w = new Worker();\n  await w.close();'),
  ],
  invalid: [
    {
      // The same, never closed: one connection more per request.
      code: worker('  async close(): Promise<void> {\n    await this.client.quit();\n  }', "  const w = new Worker();\n  await w.client.get('k');"),
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'new Worker()', every: 'on every request to this route', started: 'Worker (its `close()` ends a Redis connection)' },
          line: 23,
          column: 13,
        },
      ],
    },
  ],
});
