import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// engine.io-client's `Socket` (the transport under socket.io-client) connects when made and stays
// open until `close()`; it does not reconnect by itself. Kept on `this`, the teardown must close it.
const transport = (teardown: string) => `
import { Socket } from 'engine.io-client';

export class Transport {
  engine?: Socket;
  open(uri: string) {
    this.engine = new Socket(uri);
    this.engine.on('message', (data) => console.log(data));
  }
  close() {
    ${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: engine.io-client sockets', rule, {
  valid: [transport('this.engine?.close();')],
  invalid: [
    {
      code: transport('console.log("closed");'),
      errors: [{ messageId: 'storedNotEnded', line: 7, column: 19, endLine: 7, endColumn: 34 }],
      output: transport('console.log("closed");\n    this.engine?.close();'),
    },
  ],
});
