import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// From the mutation run (faye's EventSource transport): a socket kept on `this` whose only end,
// besides the teardown's, sits in a handler of the socket's own end of life ('error', 'close',
// 'end'). That end runs only once the socket fails or its peer closes it: a socket that works stays
// open after the teardown, which does not end it.
const client = (handler: string, teardown: string) => `
import { connect } from 'node:net';

export class Client {
  socket: ReturnType<typeof connect> | undefined;
  closed = false;

  open(port: number) {
    const socket = connect(port);
${handler}
    this.socket = socket;
  }

  close() {
    this.closed = true;
${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: an end only the handle\'s end of life runs', rule, {
  valid: [
    // The teardown ends it too.
    client(`    socket.on('error', () => socket.destroy());`, `    this.socket?.destroy();`),
    // A message is no end of life: the end may run on a working socket (a last message, a protocol's goodbye).
    client(`    socket.on('data', () => socket.destroy());`, ``),
  ],
  invalid: [
    {
      code: client(`    socket.on('error', () => socket.destroy());`, ``),
      output: client(`    socket.on('error', () => socket.destroy());`, `    this.socket?.destroy();\n`),
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'connect(port)', label: 'a TCP socket', member: 'this.socket', teardown: 'close' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 27,
        },
      ],
    },
    {
      code: client(`    socket.once('error', function () {
      socket.destroy();
    });`, ``),
      output: client(`    socket.once('error', function () {
      socket.destroy();
    });`, `    this.socket?.destroy();\n`),
      errors: [{ messageId: 'storedNotEnded', line: 9, column: 20 }],
    },
    {
      // The peer's end: a socket whose peer stays connected is never ended there.
      code: client(`    socket.on('end', () => socket.destroy());`, ``),
      output: client(`    socket.on('end', () => socket.destroy());`, `    this.socket?.destroy();\n`),
      errors: [{ messageId: 'storedNotEnded', line: 9, column: 20 }],
    },
  ],
});

// faye's shape: an ES5 holder and a WebSocket-like global whose handler property is `onerror`.
const transport = (teardown: string) => `
function Transport(url) {
  var socket = new WebSocket(url);
  socket.onerror = function () {
    socket.close();
  };
  this._socket = socket;
}
Transport.prototype.close = function () {
  if (!this._socket) return;
  this._socket.onerror = null;
${teardown}
};
module.exports = Transport;
`;

javascriptRuleTester.run('no-leaked-subscription: an end in the handle\'s onerror', rule, {
  valid: [transport(`  this._socket.close();`)],
  invalid: [
    {
      code: transport(``),
      output: null,
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new WebSocket(url)', label: 'a WebSocket', member: 'this._socket', teardown: 'Transport.prototype.close' }, line: 3, column: 16, endLine: 3, endColumn: 34 }],
    },
  ],
});
