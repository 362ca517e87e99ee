import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A method called through the instances the file makes of its class (`heartbeat.start(socket)`):
// when every call passes an object made for that call, what the method adds to it dies with it.
runInBothModes('no-leaked-subscription: methods called through instances of the class', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

const server = new EventEmitter();

class Heartbeat {
  private alive = new WeakSet<EventEmitter>();
  start(socket: EventEmitter): void {
    socket.on('pong', () => this.alive.add(socket));
    const timer = setInterval(() => socket.emit('ping'), 30_000);
    socket.on('close', () => clearInterval(timer));
  }
}

const heartbeat = new Heartbeat();
server.on('connection', (socket: EventEmitter) => heartbeat.start(socket));
`,
  ],
  invalid: [
    {
      // one caller hands it the program's own emitter: the listener outlives every call
      code: `
import { EventEmitter } from 'node:events';

const server = new EventEmitter();
const bus = new EventEmitter();

class Heartbeat {
  start(socket: EventEmitter): void {
    socket.on('pong', () => console.log('pong'));
  }
}

const heartbeat = new Heartbeat();
server.on('connection', (socket: EventEmitter) => heartbeat.start(socket));
setInterval(() => heartbeat.start(bus), 1000);
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`start()`' },
              output: `
import { EventEmitter } from 'node:events';

const server = new EventEmitter();
const bus = new EventEmitter();

class Heartbeat {
  start(socket: EventEmitter, signal?: AbortSignal): void {
    const onPong = () => console.log('pong');
    socket.on('pong', onPong);
    if (signal?.aborted) socket.off('pong', onPong);
    else signal?.addEventListener('abort', () => socket.off('pong', onPong), { once: true });
  }
}

const heartbeat = new Heartbeat();
server.on('connection', (socket: EventEmitter) => heartbeat.start(socket));
setInterval(() => heartbeat.start(bus), 1000);
`,
            },
          ],
        },
      ],
    },
    {
      // the instance is handed on: anyone may call start() with anything
      code: `
import { EventEmitter } from 'node:events';

const server = new EventEmitter();

class Heartbeat {
  start(socket: EventEmitter): void {
    socket.on('pong', () => console.log('pong'));
  }
}

const heartbeat = new Heartbeat();
server.on('connection', (socket: EventEmitter) => heartbeat.start(socket));
export const monitors = [heartbeat];
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 8,
          column: 5,
          endLine: 8,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`start()`' },
              output: `
import { EventEmitter } from 'node:events';

const server = new EventEmitter();

class Heartbeat {
  start(socket: EventEmitter, signal?: AbortSignal): void {
    const onPong = () => console.log('pong');
    socket.on('pong', onPong);
    if (signal?.aborted) socket.off('pong', onPong);
    else signal?.addEventListener('abort', () => socket.off('pong', onPong), { once: true });
  }
}

const heartbeat = new Heartbeat();
server.on('connection', (socket: EventEmitter) => heartbeat.start(socket));
export const monitors = [heartbeat];
`,
            },
          ],
        },
      ],
    },
  ],
});
