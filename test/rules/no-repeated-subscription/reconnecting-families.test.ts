import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// How often events fire is said by each family's descriptor: amqp-connection-manager reconnects
// by itself and fires 'connect' again; an amqplib connection does not, and its 'close' comes once.
runInBothModes('no-repeated-subscription: reconnecting families', rule, {
  valid: [
    `
import { connect } from 'amqplib';
const onError = (error: Error) => console.error(error);
export async function start() {
  const connection = await connect('amqp://broker');
  connection.on('close', () => {
    connection.on('error', onError);
  });
}
`,
  ],
  invalid: [
    {
      // One more 'blocked' listener on the manager each time it reconnects.
      code: `
import { connect } from 'amqp-connection-manager';
const manager = connect(['amqp://broker']);
const onBlocked = () => console.log('blocked');
manager.on('connect', () => {
  manager.on('blocked', onBlocked);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: "manager.on('blocked', onBlocked)",
            every: "on every 'connect' event (again on each reconnect)",
            started: "'blocked' listener",
          },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 13,
          suggestions: [
            {
              messageId: 'hoist',
              data: { scheduler: '`manager.on(…)`' },
              output: `
import { connect } from 'amqp-connection-manager';
const manager = connect(['amqp://broker']);
const onBlocked = () => console.log('blocked');
manager.on('blocked', onBlocked);
manager.on('connect', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});
