import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A method its class only hands to an emitter as a listener (http-mitm-proxy's
// `httpServer.on('connect', self._onHttpServerConnect.bind(self))`) is a listener: its parameters
// are what the emitter makes for each event (the connection's socket), and what it adds to them dies
// with them, as in an inline listener. A method the class also calls itself with an object it was
// handed, or binds with fixed arguments, is judged by those arguments.
const proxy = (listen: string, more = ''): string => `
import net from 'node:net';

export class Proxy {
  private readonly server = net.createServer();

  listen(port: number) {
${listen}
    this.server.listen(port);
  }

  onConnection(socket: net.Socket) {
    socket.on('error', (error) => this.onError(error));
  }
${more}
  private onError(error: Error) {
    console.error(error);
  }
}
`;

runInBothModes('no-leaked-subscription: a method handed on as a listener', rule, {
  valid: [
    proxy(`    const self = this;
    self.server.on('connection', self.onConnection.bind(self));`),
    proxy(`    this.server.on('connection', this.onConnection.bind(this));`),
  ],
  invalid: [
    {
      code: proxy(
        `    this.server.on('connection', this.onConnection.bind(this));`,
        `
  adopt(socket: net.Socket) {
    this.onConnection(socket);
  }
`,
      ),
      errors: [{ messageId: 'listenerNotRemoved', line: 13, column: 5, endLine: 13, endColumn: 14 }],
    },
  ],
});
