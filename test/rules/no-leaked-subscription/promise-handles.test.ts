import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A connection a promise resolves to is handed to the `.then` callback, as `await` hands it to a
// local: where that callback puts it decides (moleculer's NATS transporter stores it on `this`).
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
  ],
  invalid: [
    {
      // Nothing takes the connection the promise resolves to.
      code: `
import { connect } from 'nats';

export function ping() {
  return connect({ servers: 'localhost' }).then(() => console.log('connected'));
}
`,
      errors: [{ messageId: 'leakedSubscription', line: 5, column: 10, endLine: 5, endColumn: 17 }],
    },
  ],
});
