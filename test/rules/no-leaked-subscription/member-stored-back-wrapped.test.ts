import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// `this.server = killable(this.server)` (Mockoon's server): the member then holds what the call made
// of the handle, and the teardown calls a method of that (`this.server.kill()`). Whether it ends the
// server cannot be told from here, so "stop() never ends it" is not claimed. A teardown that calls
// nothing on the member, or a wrapper whose result is kept elsewhere, is still judged.
const server = (wrap: string, stop: string): string => `
const http = require('http');
const killable = require('killable');
class MockServer {
  start() {
    this.server = http.createServer(() => {});
    ${wrap}
    this.server.listen(3000);
  }
  stop() {
    ${stop}
  }
}
module.exports = { MockServer };
`;

const notEnded = { messageId: 'storedNotEnded' as const, line: 6, column: 19, endLine: 6, endColumn: 36 };

javascriptRuleTester.run('no-leaked-subscription: a member stored back wrapped by a call', rule, {
  valid: [
    server('this.server = killable(this.server);', 'if (this.server) this.server.kill(() => {});'),
    server('this.server = (0, killable)(this.server);', 'this.server.kill();'),
  ],
  invalid: [
    // The file shows the call to give back what it is given: the member holds the server itself.
    {
      code: server('this.server = tag(this.server);', 'this.server.address();').replace('class MockServer', 'function tag(s) {\n  s.tagged = true;\n  return s;\n}\nclass MockServer'),
      output: server('this.server = tag(this.server);', 'this.server.address();\n    this.server?.close();').replace('class MockServer', 'function tag(s) {\n  s.tagged = true;\n  return s;\n}\nclass MockServer'),
      errors: [{ ...notEnded, line: 10, endLine: 10 }],
    },
    // The teardown calls nothing on the member.
    { code: server('this.server = killable(this.server);', 'this.server = null;'), errors: [notEnded] },
    // The wrapper's result is kept in another member: this one still holds the server, and kill is not its end.
    {
      code: server('this.killer = killable(this.server);', 'this.server.kill();'),
      output: server('this.killer = killable(this.server);', 'this.server.kill();\n    this.server?.close();'),
      errors: [notEnded],
    },
  ],
});

// The same in TypeScript, with and without types: the wrapper's result typed as it comes.
runInBothModes('no-leaked-subscription: a member stored back wrapped by a call (TypeScript)', rule, {
  valid: [
    `
import http from 'node:http';
declare function killable<T>(server: T): T & { kill(done: () => void): void };
export class MockServer {
  private server?: http.Server & { kill?(done: () => void): void };
  start() {
    this.server = http.createServer(() => {});
    this.server = killable(this.server);
    this.server.listen(3000);
  }
  stop() {
    this.server?.kill?.(() => {});
  }
}
`,
  ],
  invalid: [],
});

// With types, a method the server has itself (`address()`) is not what the wrapper added: it is not
// the server's end, so the teardown that calls only it leaves the server open. Without types, which
// methods the wrapper added cannot be told.
const callsAddress = `
import http from 'node:http';
declare function killable<T>(server: T): T & { kill(done: () => void): void };
export class MockServer {
  private server?: http.Server;
  start() {
    this.server = http.createServer(() => {});
    this.server = killable(this.server);
    this.server.listen(3000);
  }
  stop() {
    console.log(this.server?.address());
  }
}
`;

untypedRuleTester.run('no-leaked-subscription: a wrapped member whose own method the teardown calls (no types)', rule, { valid: [callsAddress], invalid: [] });

typedRuleTester.run('no-leaked-subscription: a wrapped member whose own method the teardown calls (types)', rule, {
  valid: [],
  invalid: [
    {
      code: callsAddress,
      output: callsAddress.replace('console.log(this.server?.address());', 'console.log(this.server?.address());\n    this.server?.close();'),
      errors: [{ messageId: 'storedNotEnded', line: 7, column: 19, endLine: 7, endColumn: 36 }],
    },
  ],
});
