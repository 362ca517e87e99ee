import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A subclass reads what the class holds through a base class's getter (`get client() { return this._client; }`):
// `this.client.quit()` in the subclass ends `this._client`, unless the subclass declares `client` again.
const worker = (subclassExtra: string) => `
import Redis from 'ioredis';

class Base {
  protected _client: Redis | undefined;
  get client(): Redis {
    if (!this._client) throw new Error('not started');
    return this._client;
  }
}

class Worker extends Base {
${subclassExtra}
  start(): void {
    this._client = new Redis();
  }
  async stop(): Promise<void> {
    await this.client.quit();
  }
}
`;

runInBothModes('no-leaked-subscription: a base class getter read by a subclass', rule, {
  valid: [worker('')],
  invalid: [
    {
      // The subclass declares its own `client`: `this.client.quit()` quits that one, not `this._client`.
      code: worker('  private other = new Redis();\n  get client(): Redis {\n    return this.other;\n  }'),
      output: worker('  private other = new Redis();\n  get client(): Redis {\n    return this.other;\n  }').replace(
        '    await this.client.quit();\n',
        '    await this.client.quit();\n    void this._client?.quit();\n',
      ),
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis()', member: 'this._client', teardown: 'stop' }, line: 18, column: 20 }],
    },
  ],
});
