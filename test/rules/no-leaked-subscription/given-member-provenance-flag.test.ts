import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A class that takes the caller's pool or makes its own records which in a flag (`ownsPool`) and
// closes the pool only when it is its own: that close ends nothing of the caller's, so the listener
// it added to the caller's pool stays there after each instance is closed (bullmq's
// PostgresConnection). The flag is known by its two literal values on the two paths, not its name.
const connection = (close: string) => `
import { EventEmitter } from 'node:events';
import { Pool } from 'pg';

export class Connection extends EventEmitter {
  private pool: Pool;
  private ownsPool: boolean;
  private closing?: Promise<void>;
  constructor(connection: Pool | string) {
    super();
    if (connection instanceof Pool) {
      this.pool = connection;
      this.ownsPool = false;
    } else {
      this.pool = new Pool({ connectionString: connection });
      this.ownsPool = true;
    }
    this.pool.on('error', (error) => this.emit('error', error));
  }
  close() {
    this.closing ??= (async () => {
      ${close}
      this.emit('close');
    })();
    return this.closing;
  }
}
`;

runInBothModes('no-leaked-subscription: a close guarded by a flag that says where the member came from', rule, {
  valid: [
    // Closed whatever it holds: the listener goes with it.
    connection('await this.pool.end();'),
    // The listener is removed whoever owns the pool.
    connection("this.pool.removeAllListeners('error');\n      if (this.ownsPool) await this.pool.end();"),
  ],
  invalid: [
    {
      code: connection('if (this.ownsPool) await this.pool.end();'),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'this.pool.on(…)', label: "an 'error' listener", target: 'this.pool', outlives: 'given to the object' },
          line: 18,
          column: 5,
        },
      ],
    },
  ],
});
