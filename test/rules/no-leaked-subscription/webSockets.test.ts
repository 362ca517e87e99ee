import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: webSockets', rule, {
  valid: [
    // the socket is closed when the caller's signal aborts
    `
import WebSocket from 'ws';

export function streamPrices(signal: AbortSignal, onPrice: (price: string) => void) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.on('message', (data) => onPrice(String(data)));
  signal.addEventListener('abort', () => ws.close(), { once: true });
}
`,
    // a React effect closes its EventSource in its cleanup
    `
export function subscribe(url: string, onEvent: (data: string) => void) {
  const source = new EventSource(url);
  source.onmessage = (event) => onEvent(String(event.data));
  return () => source.close();
}
`,
    // the socket.io connection is stored on the client that disconnects it
    `
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';

export class Chat {
  socket: Socket | undefined;
  connect() {
    this.socket = io('https://example.com');
  }
  disconnect() {
    this.socket?.disconnect();
  }
}
`,
  ],
  invalid: [
    {
      // ws: a socket opened per call, never closed
      code: `
import WebSocket from 'ws';

export function streamPrices(onPrice: (price: string) => void) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.on('message', (data) => onPrice(String(data)));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a WebSocket', handle: 'ws', code: 'new WebSocket(…)' },
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`streamPrices()`' },
              output: `
import WebSocket from 'ws';

export function streamPrices(onPrice: (price: string) => void, signal?: AbortSignal) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.on('message', (data) => onPrice(String(data)));
  if (signal?.aborted) ws.close();
  else signal?.addEventListener('abort', () => ws.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // the WebSocket global, opened per call and never closed
      code: `
export function streamPrices(onPrice: (price: string) => void) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.addEventListener('message', (event) => onPrice(String(event.data)));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a WebSocket', handle: 'ws', code: 'new WebSocket(…)' },
          line: 3,
          column: 14,
          endLine: 3,
          endColumn: 55,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`streamPrices()`' },
              output: `
export function streamPrices(onPrice: (price: string) => void, signal?: AbortSignal) {
  const ws = new WebSocket('wss://example.com/prices');
  ws.addEventListener('message', (event) => onPrice(String(event.data)));
  if (signal?.aborted) ws.close();
  else signal?.addEventListener('abort', () => ws.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // an EventSource opened per call, never closed
      code: `
export function follow(url: string, onEvent: (data: string) => void) {
  const source = new EventSource(url);
  source.onmessage = (event) => onEvent(String(event.data));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'an EventSource', handle: 'source', code: 'new EventSource(url)' },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
export function follow(url: string, onEvent: (data: string) => void, signal?: AbortSignal) {
  const source = new EventSource(url);
  source.onmessage = (event) => onEvent(String(event.data));
  if (signal?.aborted) source.close();
  else signal?.addEventListener('abort', () => source.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // socket.io-client: a connection per call, never disconnected
      code: `
import { io } from 'socket.io-client';

export function joinRoom(room: string) {
  const socket = io('https://example.com');
  socket.emit('join', room);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a Socket.IO connection', handle: 'socket', code: "io('https://example.com')" },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`joinRoom()`' },
              output: `
import { io } from 'socket.io-client';

export function joinRoom(room: string, signal?: AbortSignal) {
  const socket = io('https://example.com');
  socket.emit('join', room);
  if (signal?.aborted) socket.disconnect();
  else signal?.addEventListener('abort', () => socket.disconnect(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a BroadcastChannel per call, never closed
      code: `
export function listenForLogout(onLogout: () => void) {
  const channel = new BroadcastChannel('auth');
  channel.addEventListener('message', () => onLogout());
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a BroadcastChannel', handle: 'channel', code: "new BroadcastChannel('auth')" },
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 47,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`listenForLogout()`' },
              output: `
export function listenForLogout(onLogout: () => void, signal?: AbortSignal) {
  const channel = new BroadcastChannel('auth');
  channel.addEventListener('message', () => onLogout());
  if (signal?.aborted) channel.close();
  else signal?.addEventListener('abort', () => channel.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
