import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A reconnect that re-arms only once the connection it opened has closed runs one connection at a
// time: the next run starts after this run's has ended.
runInBothModes('no-repeated-subscription: a re-arm that waits for the end of what the run opened', rule, {
  valid: [
    `
import WebSocket from 'ws';

export function connectFeed(url: string, onPrice: (price: unknown) => void): void {
  const ws = new WebSocket(url);
  ws.on('message', (data) => onPrice(JSON.parse(data.toString())));
  ws.on('close', () => {
    setTimeout(() => connectFeed(url, onPrice), 1_000);
  });
}
`,
    // once('close') and a named function re-armed by reference
    `
import WebSocket from 'ws';

function connect(): void {
  const ws = new WebSocket('wss://example.com/feed');
  ws.on('message', (data) => console.log(data.toString()));
  ws.once('close', () => setTimeout(connect, 1_000));
}
connect();
`,
  ],
  invalid: [
    {
      // re-armed on a timer alone: each run opens one more socket while the last stays open
      code: `
import WebSocket from 'ws';

export function connectFeed(url: string): void {
  const ws = new WebSocket(url);
  ws.on('message', (data) => console.log(data.toString()));
  setTimeout(() => connectFeed(url), 30_000);
}
`,
      errors: [{ messageId: 'repeatedStart', line: 5, column: 14, endLine: 5, endColumn: 32 }],
    },
    {
      // re-armed when another emitter closes: this run's socket is still open
      code: `
import WebSocket from 'ws';
import { EventEmitter } from 'node:events';

const control = new EventEmitter();

export function connectFeed(url: string): void {
  const ws = new WebSocket(url);
  ws.on('message', (data) => console.log(data.toString()));
  control.once('close', () => {
    setTimeout(() => connectFeed(url), 1_000);
  });
}
`,
      errors: [
        { messageId: 'repeatedStart', line: 8, column: 14, endLine: 8, endColumn: 32 },
        { messageId: 'repeatedStart', line: 10, column: 3, endLine: 10, endColumn: 15 },
      ],
    },
  ],
});
