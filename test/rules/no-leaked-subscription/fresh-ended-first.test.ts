import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A function that runs again and stores a new handle over the old one is fine when each run ends
// the old one first, inline or through a function it calls: only the last one is kept, as long as
// the program runs.
runInBothModes('no-leaked-subscription: a restart that ends the old handle first', rule, {
  valid: [
    // inline, before the store
    `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
function connect(url: string) {
  if (socket) socket.close();
  socket = new WebSocket(url);
}
setInterval(() => connect('wss://example.com'), 1000);
`,
    // through a helper called first
    `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
const close = () => {
  if (socket) socket.close();
  socket = undefined;
};
function connect(url: string) {
  close();
  socket = new WebSocket(url);
}
setInterval(() => connect('wss://example.com'), 1000);
`,
  ],
  invalid: [
    {
      // the helper runs after the store: it ends the new socket, and the old one is lost
      code: `
import WebSocket from 'ws';
let socket: WebSocket | undefined;
function close() {
  if (socket) socket.close();
}
function connect(url: string) {
  socket = new WebSocket(url);
  socket.on('error', close);
}
setInterval(() => connect('wss://example.com'), 1000);
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'new WebSocket(url)', member: 'socket', again: 'connect', every: 'on every tick of this interval (line 11)' },
          line: 8,
          column: 12,
          endLine: 8,
          endColumn: 30,
        },
      ],
    },
  ],
});
