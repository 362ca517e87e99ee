import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// Two more names for one handle kept on `this` (@golevelup/nestjs-rabbitmq's AmqpConnection):
// - a getter of the class that only returns the member (`get managedConnection() { return
//   this._managedConnection; }`) reads that member: `this.managedConnection.close()` in the
//   teardown ends what `this._managedConnection` holds;
// - a local stored both in a member and as an entry of a collection on `this` (`this._channels[name]
//   = channel; if (isDefault) this._channel = channel;`) is one handle: the teardown that ends every
//   entry (`Object.values(this._channels).map((c) => c.close())`) ends it.
// A getter that returns another member, or does more than return one, is no such name; a teardown
// that ends neither the entries nor the member still leaves the handle running.
const connection = (getter: string, teardown: string): string => `
import Redis from 'ioredis';

export class Connection {
  private _client: Redis | undefined;
  private _other: Redis | undefined;
  constructor(private readonly url: string) {}
  ${getter}
  init() {
    this._client = new Redis(this.url);
    this._client.on('error', (err: Error) => console.error(err));
  }
  async close() {
    console.log('closing');${teardown}
  }
}
`;

const channels = (teardown: string): string => `
import Redis from 'ioredis';

export class Channels {
  private _clients: Record<string, Redis> = {};
  private _default: Redis | undefined;
  constructor(private readonly url: string) {}
  setup(name: string, isDefault: boolean) {
    const client = new Redis(this.url);
    this._clients[name] = client;
    if (isDefault) {
      this._default = client;
    }
    client.on('ready', () => console.log('ready', name));
  }
  async close() {
    const clients = Object.values(this._clients);${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: a getter or a collection entry naming a stored handle', rule, {
  valid: [
    // the teardown ends the member through the getter that returns it
    connection('get client() {\n    return this._client;\n  }', '\n    await this.client?.quit();'),
    // a getter that guards, then returns the member
    connection(
      "get client() {\n    if (!this._client) throw new Error('not connected');\n    return this._client;\n  }",
      '\n    await this.client.quit();',
    ),
    // the teardown ends every entry of the collection the handle is also kept in
    channels('\n    await Promise.all(clients.map((client) => client.quit()));'),
  ],
  invalid: [
    {
      // the getter returns another member: ending through it does not end `this._client`
      code: connection('get client() {\n    return this._other;\n  }', '\n    await this.client?.quit();'),
      output: connection('get client() {\n    return this._other;\n  }', '\n    await this.client?.quit();\n    void this._client?.quit();'),
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis(this.url)', label: 'a Redis connection', member: 'this._client', teardown: 'close' }, line: 12, column: 20, endLine: 12, endColumn: 39 }],
    },
    {
      // a getter that makes something of the member is not the member
      code: connection('get client() {\n    return this._client?.duplicate();\n  }', '\n    await this.client?.quit();'),
      output: connection('get client() {\n    return this._client?.duplicate();\n  }', '\n    await this.client?.quit();\n    void this._client?.quit();'),
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis(this.url)', label: 'a Redis connection', member: 'this._client', teardown: 'close' }, line: 12, column: 20, endLine: 12, endColumn: 39 }],
    },
    {
      // the teardown only reads the entries: neither they nor the member are ended
      code: channels('\n    console.log(clients.length);'),
      output: channels('\n    console.log(clients.length);\n    void this._default?.quit();'),
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis(this.url)', label: 'a Redis connection', member: 'this._default', teardown: 'close' }, line: 9, column: 20, endLine: 9, endColumn: 39 }],
    },
  ],
});

// The shape as compiled to JavaScript, untyped (espree): the same facts without TypeScript.
javascriptRuleTester.run('no-leaked-subscription: a getter naming a stored handle (JavaScript)', rule, {
  valid: [
    // Another class's own field of the getter's name is that class's: this one's getter still reads \`_client\`.
    `
const Redis = require('ioredis');
class AmqpConnection {
  get client() {
    return this._client;
  }
  init() {
    this._client = new Redis(this.config.uri);
  }
  close() {
    return this.client.quit();
  }
}
class Publisher {
  constructor(client) {
    this.client = client;
  }
}
module.exports = { AmqpConnection, Publisher };
`,
    `
const Redis = require('ioredis');
class AmqpConnection {
  get managedConnection() {
    return this._managedConnection;
  }
  async initCore() {
    this._managedConnection = new Redis(this.config.uri);
    this._managedConnection.on('connect', () => console.log('connected'));
  }
  async close() {
    await this.managedConnection.quit();
  }
}
exports.AmqpConnection = AmqpConnection;
`,
  ],
  invalid: [
    {
      code: `
const Redis = require('ioredis');
class AmqpConnection {
  get managedConnection() {
    return this._managedConnection;
  }
  async initCore() {
    this._managedConnection = new Redis(this.config.uri);
  }
  async close() {
    console.log(this.managedConnection.status);
  }
}
exports.AmqpConnection = AmqpConnection;
`,
      output: `
const Redis = require('ioredis');
class AmqpConnection {
  get managedConnection() {
    return this._managedConnection;
  }
  async initCore() {
    this._managedConnection = new Redis(this.config.uri);
  }
  async close() {
    console.log(this.managedConnection.status);
    void this._managedConnection?.quit();
  }
}
exports.AmqpConnection = AmqpConnection;
`,
      errors: [{ messageId: 'storedNotEnded', line: 8, column: 31, endLine: 8, endColumn: 57 }],
    },
    {
      // A getter stands for its member in its own class only: another class's \`this.conn\` (a field
      // of its own) ending its own value does not end this one's \`_conn\`.
      code: `
const Redis = require('ioredis');
class A {
  connect() {
    this._conn = new Redis();
  }
  get conn() {
    return this._conn;
  }
  close() {
    this.closed = true;
  }
}
class B {
  conn = makeOther();
  close() {
    this.conn.quit();
  }
}
module.exports = { A, B };
`,
      output: `
const Redis = require('ioredis');
class A {
  connect() {
    this._conn = new Redis();
  }
  get conn() {
    return this._conn;
  }
  close() {
    this.closed = true;
    void this._conn?.quit();
  }
}
class B {
  conn = makeOther();
  close() {
    this.conn.quit();
  }
}
module.exports = { A, B };
`,
      errors: [{ messageId: 'storedNotEnded', line: 5, column: 18, endLine: 5, endColumn: 29 }],
    },
  ],
});

// `Object.values(c)`, `Object.entries(c)`, `Array.from(c)` copy a collection's entries into a new
// array: what the teardown does with that array is what it does with the entries (it used to be
// taken for a hand-over to code that may end them).
const pool = (teardown: string): string => `
import Redis from 'ioredis';

export class Pool {
  private clients: Record<string, Redis> = {};
  open(name: string, url: string) {
    const client = new Redis(url);
    this.clients[name] = client;
  }
  close() {${teardown}
  }
}
`;

runInBothModes('no-leaked-subscription: entries copied out of a collection by Object.values and kin', rule, {
  valid: [
    pool('\n    Object.values(this.clients).forEach((client) => client.disconnect());'),
    pool('\n    for (const [, client] of Object.entries(this.clients)) client.disconnect();'),
    pool('\n    const all = Array.from(Object.values(this.clients));\n    for (const client of all) client.disconnect();'),
    // `Array.from`'s map function runs on each entry: it ends them.
    pool('\n    Array.from(Object.values(this.clients), (client) => client.disconnect());'),
  ],
  invalid: [
    {
      code: pool("\n    console.log(Object.values(this.clients).length, 'clients');"),
      errors: [{ messageId: 'storedNotEnded', data: { code: 'new Redis(url)', label: 'a Redis connection', member: 'this.clients', teardown: 'close' }, line: 7, column: 20, endLine: 7, endColumn: 34 }],
    },
  ],
});
