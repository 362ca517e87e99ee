import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A connection a promise resolves to is handed to the `.then` callback, as `await` hands it to a
// local, and a node-style callback gets it as its second parameter: what that callback does with
// it decides (moleculer's NATS transporter stores it on `this`; its Redis cacher only listens to
// the monitor connection ioredis hands it, and never closes it).
runInBothModes('no-leaked-subscription: handles a promise hands on', rule, {
  valid: [
    `
import { connect } from 'nats';
import type { NatsConnection } from 'nats';

export class Transporter {
  client: NatsConnection | undefined;
  connect() {
    return connect({ servers: 'localhost' }).then((client) => {
      this.client = client;
    });
  }
  async disconnect() {
    await this.client?.close();
  }
}
`,
    `
import Redis from 'ioredis';

const redis = new Redis();

export function audit(onCommand: (args: unknown) => void) {
  return redis.monitor((err, monitor) => {
    monitor?.on('monitor', (time, args) => onCommand(args));
    setTimeout(() => monitor?.disconnect(), 1000);
  });
}
`,
  ],
  invalid: [
    {
      code: `
import Redis from 'ioredis';

const redis = new Redis();

export function audit(onCommand: (args: unknown) => void) {
  redis.monitor((err, monitor) => {
    monitor?.on('monitor', (time, args) => onCommand(args));
  });
}
`,
      errors: [{ messageId: 'connectionInCallback', line: 7, column: 3, endLine: 7, endColumn: 16 }],
    },
    {
      // Nothing takes the connection the promise resolves to.
      code: `
import { connect } from 'nats';

export function ping() {
  return connect({ servers: 'localhost' }).then((client) => console.log('connected', client.info));
}
`,
      errors: [{ messageId: 'connectionDropped', line: 5, column: 10, endLine: 5, endColumn: 17 }],
    },
  ],
});
