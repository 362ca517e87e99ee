import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// A method that wires up a connection (`handleConnection(socket)`), called only from the class's
// own 'connection' listener with the socket that event made: a listener it adds to that socket dies
// with it, as it would in the listener itself or in a plain function called the same way.
runInBothModes('no-leaked-subscription: methods called with a fresh connection', rule, {
  valid: [
    `
import net from 'node:net';

export class EchoServer {
  private readonly server = net.createServer((socket) => this.handleConnection(socket));

  listen(port: number) {
    this.server.listen(port);
  }

  handleConnection(socket: net.Socket) {
    socket.on('data', (data) => socket.write(data));
    socket.on('close', () => console.log('bye'));
  }
}
`,
    `
import net from 'node:net';

export class Gateway {
  private readonly server = net.createServer();

  constructor() {
    this.server.on('connection', (socket) => {
      this.handleConnection(socket);
    });
  }

  handleConnection(socket: net.Socket) {
    socket.on('data', (data) => socket.write(data));
  }
}
`,
  ],
  invalid: [
    {
      // read as a value (handed on): anyone may call it, with any socket
      code: `
import net from 'node:net';

export class Relay {
  readonly onSocket = this.attach.bind(this);

  attach(socket: net.Socket) {
    socket.on('data', (data) => console.log(data.length));
  }

  private readonly server = net.createServer((socket) => this.attach(socket));
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 8, column: 5, endLine: 8, endColumn: 14 }],
    },
  ],
});

// Called with a module-level socket: every call adds one more listener to the same one. With
// types, the listener's parameter type is known, so the suggestion can name it.
const sharedSocket = `
import net from 'node:net';

const upstream = net.connect(9000);

export class Relay {
  start() {
    this.attach(upstream);
  }

  attach(socket: net.Socket) {
    socket.on('data', (data) => console.log(data.length));
  }
}
`;
const sharedSocketError = { messageId: 'listenerNotRemoved' as const, line: 12, column: 5, endLine: 12, endColumn: 14 };
untypedRuleTester.run('no-leaked-subscription: a method called with a shared socket (untyped)', rule, {
  valid: [],
  invalid: [{ code: sharedSocket, errors: [sharedSocketError] }],
});
typedRuleTester.run('no-leaked-subscription: a method called with a shared socket (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: sharedSocket,
      errors: [
        {
          ...sharedSocketError,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`attach()`' },
              output: `
import net from 'node:net';

const upstream = net.connect(9000);

export class Relay {
  start() {
    this.attach(upstream);
  }

  attach(socket: net.Socket, signal?: AbortSignal) {
    const onData = (data: NonSharedBuffer) => console.log(data.length);
    socket.on('data', onData);
    if (signal?.aborted) socket.off('data', onData);
    else signal?.addEventListener('abort', () => socket.off('data', onData), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
