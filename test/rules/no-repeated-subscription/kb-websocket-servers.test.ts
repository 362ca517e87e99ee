import rule from '../../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A WebSocket server (ws) and a Socket.IO server emit 'connection' once per client: what their
// 'connection' handler starts and leaves running piles up with every client that ever connected.
// Neither server is a start itself: attached to an HTTP server it lives as long as that server.
runInBothModes('no-repeated-subscription: WebSocket and Socket.IO servers', rule, {
  valid: [
    // The heartbeat is cleared when its client goes.
    `
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const heartbeat = setInterval(() => ws.ping(), 30_000);
  ws.on('close', () => clearInterval(heartbeat));
});
`,
    // Listeners on the client's own socket die with it.
    `
import { Server } from 'socket.io';

export function attach(httpServer: import('node:http').Server) {
  const io = new Server(httpServer);
  io.on('connection', (socket) => {
    socket.on('chat', (text: string) => io.emit('chat', text));
  });
  return io;
}
`,
    // A listener on a shared emitter, removed when the client disconnects.
    `
import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';

const bus = new EventEmitter();
const io = new Server(3000);
io.on('connection', (socket) => {
  const forward = (data: unknown) => socket.emit('update', data);
  bus.on('update', forward);
  socket.on('disconnect', () => bus.off('update', forward));
});
`,
  ],
  invalid: [
    {
      code: `
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  setInterval(() => ws.ping(), 30_000);
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'setInterval(() => ws.ping(), 30_000)', every: "on every 'connection' event", started: 'interval' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
        },
      ],
    },
    {
      code: `
import { EventEmitter } from 'node:events';
import { Server } from 'socket.io';

const bus = new EventEmitter();
const io = new Server(3000);
io.on('connection', (socket) => {
  bus.on('update', (data: unknown) => socket.emit('update', data));
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'bus.on(…)', every: "on every 'connection' event", started: "'update' listener" },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 9,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-repeated-subscription: WebSocket and Socket.IO servers (CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const WebSocket = require('ws');
const io = require('socket.io')(3000);
const wss = new WebSocket.Server({ port: 8080 });
wss.on('connection', (ws) => {
  setInterval(() => ws.ping(), 30000);
});
io.on('connection', (socket) => {
  setInterval(() => socket.emit('tick'), 1000);
});
`,
      errors: [
        { messageId: 'repeatedStart', line: 6, column: 3, endLine: 6, endColumn: 14 },
        { messageId: 'repeatedStart', line: 9, column: 3, endLine: 9, endColumn: 14 },
      ],
    },
  ],
});
