import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes, untypedRuleTester } from '../../ruleTester';

// A global constructor chosen at run time and kept in a variable set once makes what the global
// makes: `new Factory(url)` is a WebSocket when Factory is `WebSocket` behind a feature test (a
// `?:`, `||`, or the `return` of a feature-detecting IIFE, as isomorphic clients write it).
runInBothModes('no-repeated-subscription: a global constructor kept in a variable by a feature test', rule, {
  valid: [
    // the old socket is closed before the new one is made
    `
import { EventEmitter } from 'node:events';
const Factory = (function detect() {
  if (typeof WebSocket !== 'undefined') return WebSocket;
  return undefined;
})();
export function client(primus: EventEmitter, url: string) {
  let socket: WebSocket | undefined;
  primus.on('outgoing::open', () => {
    if (socket) socket.close();
    if (Factory) socket = new Factory(url);
  });
}
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';
const Factory = (function detect() {
  if (typeof WebSocket !== 'undefined') return WebSocket;
  return undefined;
})();
export function client(primus: EventEmitter, url: string) {
  let socket: WebSocket | undefined;
  primus.on('outgoing::open', () => {
    if (Factory) socket = new Factory(url);
  });
}
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: 'new Factory(url)', every: "on every 'outgoing::open' event", slot: 'socket' },
          line: 10,
          column: 27,
          endLine: 10,
          endColumn: 43,
        },
      ],
    },
    {
      code: `
import { EventEmitter } from 'node:events';
const Factory = typeof WebSocket !== 'undefined' ? WebSocket : undefined;
const timers = new EventEmitter();
let socket: WebSocket | undefined;
timers.on('tick', () => {
  socket = new Factory!('wss://example.com');
});
`,
      errors: [
        {
          messageId: 'repeatedOverwrite',
          data: { code: "new Factory!('wss://example.com')", every: "on every 'tick' event", slot: 'socket' },
          line: 7,
          column: 12,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'hoist',
              output: `
import { EventEmitter } from 'node:events';
const Factory = typeof WebSocket !== 'undefined' ? WebSocket : undefined;
const timers = new EventEmitter();
let socket: WebSocket | undefined;
socket = new Factory!('wss://example.com');
timers.on('tick', () => {
});
`,
            },
          ],
        },
      ],
    },
  ],
});

// Without types, only a variable set once carries the constructor: one set again may hold anything.
untypedRuleTester.run('no-repeated-subscription: a constructor variable set again is not followed', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';
let Factory = typeof WebSocket !== 'undefined' ? WebSocket : undefined;
export function use(other: any) { Factory = other; }
const timers = new EventEmitter();
let socket: any;
timers.on('tick', () => {
  socket = new Factory!('wss://example.com');
});
`,
    // an IIFE's inner function returning the global is not the IIFE's value
    `
import { EventEmitter } from 'node:events';
const make = (function detect() {
  return function inner() { return WebSocket; };
})();
const timers = new EventEmitter();
let socket: any;
timers.on('tick', () => {
  socket = new make('wss://example.com');
});
`,
  ],
  invalid: [],
});
