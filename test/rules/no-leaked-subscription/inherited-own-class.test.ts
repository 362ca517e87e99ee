import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours that inherits what it holds from a base class of the same file
// (`class WriterConnection extends Connection {}`, the base opening the socket and closing it):
// its instances hold what the base's code keeps on `this`, ended by the teardown they inherit.
// A subclass that overrides the teardown with one that ends nothing shows no such evidence.
const owner = (classes: string, close: string): string => `
import * as net from 'node:net';

class Connection {
  private socket: net.Socket | undefined;
  connect(port: number) {
    this.socket = net.connect(port);
  }
  close() {
    this.socket?.destroy();
  }
}
${classes}
export class Writer {
  private conn: WriterConnection;
  constructor(port: number) {
    this.conn = new WriterConnection();
    this.conn.connect(port);
  }
  close() {${close}
  }
}
`;

const inherits = `
class WriterConnection extends Connection {
  write(data: string) {
    return data.length;
  }
}
`;

runInBothModes('no-leaked-subscription: an instance of a class that inherits its start from a base class of the file', rule, {
  valid: [
    // The owner's teardown ends it, through the teardown the subclass inherits.
    owner(inherits, '\n    this.conn.close();'),
    // The subclass overrides the teardown with one that ends nothing: no evidence that close() ends it.
    owner(
      `
class WriterConnection extends Connection {
  close() {
    console.log('closed');
  }
}
`,
      '',
    ),
  ],
  invalid: [
    {
      code: owner(inherits, ''),
      // The owner's own teardown ends it.
      output: owner(inherits, '\n    this.conn?.close();'),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new WriterConnection()', label: 'a WriterConnection (its `close()` ends a TCP socket)', member: 'this.conn', teardown: 'close' },
          line: 23,
          column: 17,
          endLine: 23,
          endColumn: 39,
        },
      ],
    },
  ],
});
