import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// A connection handler that adds the socket it is handed to one of the object's own collections
// (`this.sockets.push(socket)`) whose entries the object ends: the object takes the socket over, as
// when it stores it on a member, and the listeners it attaches while doing so live as long as that
// socket. A collection the object only forgets (`this.sockets = []`) owns nothing.
runInBothModes('no-leaked-subscription: parameters an object adopts into its collections', rule, {
  valid: [
    `
import net from 'node:net';

export class Hub {
  sockets: net.Socket[] = [];
  server = net.createServer((socket) => this.adopt(socket));

  adopt(socket: net.Socket) {
    this.sockets.push(socket);
    socket.on('data', (data) => this.broadcast(data));
    socket.on('close', () => this.sockets.splice(this.sockets.indexOf(socket), 1));
  }

  broadcast(data: Buffer) {
    for (const socket of this.sockets) socket.write(data);
  }

  close() {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
  }
}
`,
    `
import net from 'node:net';

export class Registry {
  connections = new Map<string, net.Socket>();

  register(id: string, socket: net.Socket) {
    this.connections.set(id, socket);
    socket.on('end', () => this.connections.delete(id));
  }

  closeAll() {
    this.connections.forEach((socket) => socket.end());
  }
}
`,
  ],
  invalid: [],
});

const everyoneCase = `
import net from 'node:net';

const everyone: net.Socket[] = [];

export function adopt(socket: net.Socket) {
  everyone.push(socket);
  socket.on('data', (data) => console.log(data));
}
`;
const runLocalCase = `
import net from 'node:net';

export class Hub {
  adopt(socket: net.Socket) {
    const seen: net.Socket[] = [];
    seen.push(socket);
    socket.on('data', (data) => console.log(data));
  }
}
`;

// Still reported: a module's array is nobody's member, and a collection of this run adopts nothing.
// Without types the listener cannot be rewritten (its argument's type is unknown), so no suggestion.
untypedRuleTester.run('no-leaked-subscription: parameters no object adopts (untyped)', rule, {
  valid: [],
  invalid: [
    { code: everyoneCase, errors: [{ messageId: 'listenerNotRemoved', line: 8, column: 3 }] },
    { code: runLocalCase, errors: [{ messageId: 'listenerNotRemoved', line: 8, column: 5 }] },
  ],
});

typedRuleTester.run('no-leaked-subscription: parameters no object adopts (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: everyoneCase,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import net from 'node:net';

const everyone: net.Socket[] = [];

export function adopt(socket: net.Socket, signal?: AbortSignal) {
  everyone.push(socket);
  const onData = (data: NonSharedBuffer) => console.log(data);
  socket.on('data', onData);
  if (signal?.aborted) socket.off('data', onData);
  else signal?.addEventListener('abort', () => socket.off('data', onData), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      code: runLocalCase,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 8,
          column: 5,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import net from 'node:net';

export class Hub {
  adopt(socket: net.Socket, signal?: AbortSignal) {
    const seen: net.Socket[] = [];
    seen.push(socket);
    const onData = (data: NonSharedBuffer) => console.log(data);
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

// The same in plain JavaScript, where only the file's own `socket.emit(…)` shows `socket` is an
// emitter (node-ipc's server: the handler is bound to the server and handed to `net.createServer`).
javascriptRuleTester.run('no-leaked-subscription: parameters an object adopts (JavaScript)', rule, {
  valid: [
    `
import net from 'net';

function onConnection(socket) {
  this.sockets.push(socket);
  socket.on('close', () => this.emit('disconnected', socket));
  socket.on('message', (message) => socket.emit('data', message));
}

export class Server {
  sockets = [];
  start() {
    this.server = net.createServer(onConnection.bind(this));
  }
  stop() {
    for (let i = 0; i < this.sockets.length; i++) this.sockets[i].destroy();
    this.server.close();
  }
}
`,
  ],
  invalid: [
    {
      // the server only forgets its sockets: it owns none of them
      code: `
import net from 'net';

function onConnection(socket) {
  this.sockets.push(socket);
  socket.on('message', (message) => socket.emit('data', message));
}

export class Server {
  sockets = [];
  start() {
    this.server = net.createServer(onConnection.bind(this));
  }
  stop() {
    this.sockets = [];
    this.server.close();
  }
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 6, column: 3 }],
    },
    {
      code: `
function onConnection(socket) {
  socket.on('message', (message) => socket.emit('data', message));
}

export { onConnection };
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
function onConnection(socket, signal) {
  const onMessage = (message) => socket.emit('data', message);
  socket.on('message', onMessage);
  if (signal?.aborted) socket.off('message', onMessage);
  else signal?.addEventListener('abort', () => socket.off('message', onMessage), { once: true });
}

export { onConnection };
`,
            },
          ],
        },
      ],
    },
  ],
});
