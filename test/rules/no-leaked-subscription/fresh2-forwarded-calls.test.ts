import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A method called through `call`/`apply` on its own receiver is a call of that method
// (`this._server.listen.apply(this._server, arguments)`, mysql2's Server): the server it opens
// must be closed by the class's teardown, and a close written that way ends it.
const server = (listen: string, close: string) => `
import * as net from 'node:net';

export class Server {
  private server: net.Server;

  constructor() {
    this.server = net.createServer((socket) => socket.end());
  }

  listen(port: number) {
    ${listen};
    return this;
  }

  close() {
    ${close};
  }
}
`;

runInBothModes('no-leaked-subscription: methods called through call and apply', rule, {
  valid: [
    server('this.server.listen.apply(this.server, [port])', 'this.server.close()'),
    server('this.server.listen(port)', 'this.server.close.call(this.server)'),
  ],
  invalid: [
    {
      code: server('this.server.listen.apply(this.server, [port])', 'console.log("closing")'),
      output: server('this.server.listen.apply(this.server, [port])', 'console.log("closing");\n    this.server?.close()'),
      errors: [{ messageId: 'storedNotEnded', line: 8, column: 19, endLine: 8, endColumn: 35 }],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: listen through apply (JavaScript)', rule, {
  valid: [
    `
const net = require('net');

class Server {
  constructor() {
    this._server = net.createServer(this._handleConnection.bind(this));
  }

  _handleConnection(socket) {
    socket.end();
  }

  listen() {
    this._server.listen.apply(this._server, arguments);
    return this;
  }

  close(cb) {
    this._server.close(cb);
  }
}

module.exports = Server;
`,
  ],
  invalid: [
    {
      code: `
const net = require('net');

class Server {
  constructor() {
    this._server = net.createServer(this._handleConnection.bind(this));
  }

  _handleConnection(socket) {
    socket.end();
  }

  listen() {
    this._server.listen.apply(this._server, arguments);
    return this;
  }

  close(cb) {
    cb();
  }
}

module.exports = Server;
`,
      output: `
const net = require('net');

class Server {
  constructor() {
    this._server = net.createServer(this._handleConnection.bind(this));
  }

  _handleConnection(socket) {
    socket.end();
  }

  listen() {
    this._server.listen.apply(this._server, arguments);
    return this;
  }

  close(cb) {
    cb();
    this._server?.close();
  }
}

module.exports = Server;
`,
      errors: [{ messageId: 'storedNotEnded', line: 6, column: 20, endLine: 6, endColumn: 36 }],
    },
  ],
});
