import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A repeated callback that replaces a stored handle ends the one there first, often not inline but
// through a function it calls (`close()`, `this.stop()`) or an event it emits whose listener in the
// same file closes it (primus's transformers: `primus.emit('outgoing::end')` before reconnecting).
runInBothModes('no-repeated-subscription: the old handle ended first, through a called function or an emitted event', rule, {
  valid: [
    // a helper called first closes the socket kept in the module variable
    `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
function close() {
  if (socket) socket.close();
  socket = undefined;
}
setInterval(() => {
  close();
  socket = new WebSocket('wss://example.com');
}, 1000);
`,
    // the listener of an event emitted first closes it
    `
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
export function client(primus: EventEmitter, url: string) {
  let socket: WebSocket | undefined;
  primus.on('outgoing::open', function opening() {
    primus.emit('outgoing::end');
    socket = new WebSocket(url);
  });
  primus.on('outgoing::end', function close() {
    if (!socket) return;
    socket.close();
    socket = undefined;
  });
}
`,
    // a method of the object called first, from an arrow in another method
    `
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
export class Feed {
  private sub: WebSocket | undefined;
  stop() {
    if (this.sub) this.sub.close();
  }
  start(bus: EventEmitter) {
    bus.on('tick', () => {
      this.stop();
      this.sub = new WebSocket('wss://example.com');
    });
  }
}
`,
  ],
  invalid: [
    {
      // the helper called first closes its own \`socket\`, not the module's
      code: `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
function closeAll(list: WebSocket[]) {
  for (const socket of list) socket.close();
}
setInterval(() => {
  closeAll([]);
  socket = new WebSocket('wss://example.com');
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: "new WebSocket('wss://example.com')", every: 'on every tick of this interval', slot: 'socket' },
          line: 9,
          column: 12,
          endLine: 9,
          endColumn: 46,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
function closeAll(list: WebSocket[]) {
  for (const socket of list) socket.close();
}
socket = new WebSocket('wss://example.com');
setInterval(() => {
  closeAll([]);
}, 1000);
`,
            },
          ],
        },
      ],
    },
    {
      // the event emitted first has no listener that closes the socket
      code: `
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
export function client(primus: EventEmitter, url: string) {
  let socket: WebSocket | undefined;
  primus.on('outgoing::open', function opening() {
    primus.emit('outgoing::end');
    socket = new WebSocket(url);
  });
  primus.on('outgoing::end', function close() {
    socket = undefined;
  });
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'new WebSocket(url)', every: "on every 'outgoing::open' event", slot: 'socket' },
          line: 8,
          column: 14,
          endLine: 8,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';
export function client(primus: EventEmitter, url: string) {
  let socket: WebSocket | undefined;
  socket = new WebSocket(url);
  primus.on('outgoing::open', function opening() {
    primus.emit('outgoing::end');
  });
  primus.on('outgoing::end', function close() {
    socket = undefined;
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
