import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener added for one wait to a member the object keeps for its life (set only by its
// constructor): every call of the method meets the same emitter, so a listener the wait does not
// take off piles up there, as on the object itself. A member a method sets anew is not kept.
const client = (removals: string, connect = ''): string => `
import { EventEmitter } from 'node:events';

export class Client {
  private conn: EventEmitter;
  constructor() {
    this.conn = new EventEmitter();
  }${connect}
  query(id: string) {
    return new Promise<string>((resolve, reject) => {
      const onResult = (row: string) => {
        cleanup();
        resolve(row);
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const cleanup = () => {${removals}
      };
      this.conn.on('result', onResult);
      this.conn.on('error', onError);
      this.conn.emit('query', id);
    });
  }
}
`;

const both = "\n        this.conn.off('result', onResult);\n        this.conn.off('error', onError);";

runInBothModes('no-leaked-subscription: listeners added for one wait to a member the object keeps', rule, {
  valid: [
    // the wait takes both off
    client(both),
    // a member connect() sets anew: each call may meet another emitter
    client("\n        this.conn.off('error', onError);", '\n  connect() {\n    this.conn = new EventEmitter();\n  }'),
  ],
  invalid: [
    {
      code: client("\n        this.conn.off('error', onError);"),
      errors: [
        {
          messageId: 'listenerLeftByWaiter',
          data: {
            code: "this.conn.on('result', onResult)",
            label: "a 'result' listener",
            target: 'this.conn',
            outlives: 'kept by the object',
            owner: '`query()`',
            when: 'when the wait is over',
          },
          line: 22,
          column: 7,
          endLine: 22,
          endColumn: 19,
        },
      ],
    },
  ],
});
