import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// From the mutation run (@nestjs/microservices' ServerKafka): a client kept on `this`, handed into
// a context object built for each message, while the member goes on holding it. The context
// borrows it; the object still owns it, so its teardown must end it.
const server = (handler: string, teardown: string) => `
import Redis from 'ioredis';

class Context {
  constructor(readonly args: unknown[]) {}
}

export class Server {
  client: Redis | undefined;
  sub: Redis | undefined;

  listen() {
    this.client = new Redis();
    this.sub = new Redis();
    this.sub.on('message', (channel: string, message: string) => this.handleMessage(channel, message));
  }

  handleMessage(channel: string, message: string) {
${handler}
  }

  close() {
    this.sub?.disconnect();
${teardown}
  }
}
`;

const lend = `    const context = new Context([channel, message, this.client]);
    return context;`;

runInBothModes('no-leaked-subscription: a member lent to a per-message object', rule, {
  valid: [
    // The teardown ends it.
    server(lend, `    this.client?.disconnect();`),
    // Handed to a function this file does not show: it may end it (`closeQuietly(this.client)`), so it stays trusted.
    server(`    return release(channel, this.client);`, ``).replace("import Redis from 'ioredis';", "import Redis from 'ioredis';\nimport { release } from './release';"),
    // Moved: the member lets it go, the context is its owner now.
    server(`    const context = new Context([channel, message, this.client]);
    this.client = undefined;
    return context;`, ``),
  ],
  invalid: [
    {
      code: server(lend, ``),
      output: server(lend, `    void this.client?.quit();\n`),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Redis()', label: 'a Redis connection', member: 'this.client', teardown: 'close' },
          line: 13,
          column: 19,
          endLine: 13,
          endColumn: 30,
        },
      ],
    },
  ],
});
