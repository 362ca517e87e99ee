import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A promise callback hands what it returns to the promise `then`/`catch` makes, so a timer
// re-armed in an arrow's expression body (`.then(() => setTimeout(tick, 1000))`) is handed on only
// if that promise goes somewhere. A `.finally` callback's value is always discarded, and a chain
// left as a statement drops it: a poller re-armed that way per socket event runs for ever.
const quotes = `
import { Server } from 'socket.io';

declare function quote(symbol: string): Promise<number>;
const io = new Server(3001);
`;

runInBothModes('no-repeated-subscription: what a promise callback returns', rule, {
  valid: [
    // the poller stops on disconnect: a flag checked before re-arming, and the pending timer cleared
    `${quotes}
io.on('connection', (socket) => {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const tick = () => {
    quote('ACME')
      .then((price) => socket.emit('price', price))
      .finally(() => {
        if (!closed) timer = setTimeout(tick, 1000);
      });
  };
  tick();
  socket.on('disconnect', () => {
    closed = true;
    clearTimeout(timer);
  });
});
`,
    // a one-shot timer whose promise chain is returned to the caller
    `${quotes}
export function later(symbol: string) {
  return quote(symbol).then(() => setTimeout(() => console.log(symbol), 1000));
}
io.on('connection', (socket) => {
  void later('ACME').then((timer) => socket.on('disconnect', () => clearTimeout(timer)));
});
`,
  ],
  invalid: [
    {
      code: `${quotes}
io.on('connection', (socket) => {
  socket.on('watch', (symbol: string) => {
    const tick = () => {
      quote(symbol)
        .then((price) => socket.emit('price', { symbol, price }))
        .finally(() => setTimeout(tick, 1000));
    };
    tick();
  });
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'tick', every: "on every 'watch' event", started: 'self-re-arming timer', path: 'setTimeout (file.ts:12)' },
          line: 14,
          column: 5,
          endLine: 14,
          endColumn: 9,
        },
      ],
    },
    {
      code: `${quotes}
io.on('connection', (socket) => {
  function poll() {
    quote('ACME').then((price) => socket.emit('price', price)).then(() => setTimeout(poll, 1000));
  }
  poll();
});
`,
      errors: [
        {
          messageId: 'repeatedCall',
          data: { callee: 'poll', every: "on every 'connection' event", started: 'self-re-arming timer', path: 'setTimeout (file.ts:9)' },
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 7,
        },
      ],
    },
  ],
});
