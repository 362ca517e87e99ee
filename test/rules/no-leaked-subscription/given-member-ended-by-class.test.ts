import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A session object handed its client's socket (`new RtmpSession(socket)` in a server's connection
// callback) that ends that socket itself (`close() { this.socket.end() }`): the object owns what it
// was given, so the listeners it adds to it go with both (node-media-server's RtmpSession). An
// object that never ends what it was given leaves its listeners there when it is dropped.
const session = (close: string) => `
import net from 'node:net';

export class Session {
  private socket: net.Socket;
  constructor(socket: net.Socket) {
    this.socket = socket;
  }
  run = () => {
    this.socket.on('data', this.onData);
  };
  onData = (data: Buffer) => {
    this.socket.write(data);
  };
  close = () => {
    ${close}
  };
}
`;

const javascriptSession = (close: string) => `
const net = require('net');

class Session {
  /** @param {net.Socket} socket */
  constructor(socket) {
    this.socket = socket;
  }
  run = () => {
    this.socket.on('data', this.onData);
  };
  onData = (data) => {
    this.socket.write(data);
  };
  close = () => {
    ${close}
  };
}
module.exports = Session;
`;

const notRemoved = (line: number) => ({ messageId: 'listenerNotRemoved' as const, line, column: 5, endLine: line, endColumn: 19 });

runInBothModes('no-leaked-subscription: a listener on a given member the object ends itself', rule, {
  valid: [session('this.socket.end();'), session('this.socket.destroy();')],
  invalid: [
    // Ends something else: the socket it was given stays, holding the session.
    { code: session('this.other?.end();'), errors: [notRemoved(10)] },
    // Only writes to it.
    { code: session(`this.socket.write('bye');`), errors: [notRemoved(10)] },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: a given member the object ends itself (JavaScript)', rule, {
  valid: [javascriptSession('this.socket.end();')],
  invalid: [{ code: javascriptSession('this.socket.write("bye");'), errors: [notRemoved(10)] }],
});
