import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A module that is one function (`module.exports = (io, socket) => …`, `export default function`)
// is asked, by whoever requires it, to attach itself to what it is handed: socket.io's documented
// handler modules, express and fastify plugins. What it adds to its parameters lives as long as
// they do; a caller that runs it again on the same object is no-repeated-subscription's to report,
// through the call path. Other exports and what it starts on its own are still judged.
javascriptRuleTester.run('no-leaked-subscription: a module that is one function (JavaScript)', rule, {
  valid: [
    // socket.io's documented handler module, untyped: nothing says `socket` is one client's.
    `
module.exports = (io, socket) => {
  const createOrder = (payload) => {
    socket.emit('order:created', payload);
  };
  const readOrder = (orderId, callback) => {
    callback(orderId);
  };
  socket.on('order:create', createOrder);
  socket.on('order:read', readOrder);
};
`,
    `
function chatHandlers(io, socket) {
  socket.on('chat:message', (message) => io.emit('chat:message', message));
}
module.exports = chatHandlers;
`,
    `
export default function (bus) {
  bus.on('user.created', (user) => bus.emit('mail', user));
}
`,
  ],
  invalid: [
    {
      // One export among others is a function callers may call any number of times.
      code: `
exports.onOrder = function (bus, render) {
  bus.on('order', (order) => { bus.emit('seen', order); render(order); });
};
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'bus.on(…)', label: "an 'order' listener", target: 'bus', outlives: 'a parameter' },
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`exports.onOrder()`' },
              output: `
exports.onOrder = function (bus, render, signal) {
  const onOrder = (order) => { bus.emit('seen', order); render(order); };
  bus.on('order', onOrder);
  if (signal?.aborted) bus.off('order', onOrder);
  else signal?.addEventListener('abort', () => bus.off('order', onOrder), { once: true });
};
`,
            },
          ],
        },
      ],
    },
    {
      // What it starts on its own is not attached to what it is handed.
      code: `
module.exports = (io, socket) => {
  setInterval(() => socket.emit('ping'), 1000);
};
`,
      errors: [
        {
          messageId: 'handleDropped',
          line: 3,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`module.exports()`' },
              output: `
module.exports = (io, socket, signal) => {
  const interval = setInterval(() => socket.emit('ping'), 1000);
  if (signal?.aborted) clearInterval(interval);
  else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
};
`,
            },
          ],
        },
      ],
    },
  ],
});

runInBothModes('no-leaked-subscription: a module that is one function', rule, {
  valid: [
    `
import { EventEmitter } from 'node:events';

export default (bus: EventEmitter, render: (order: unknown) => void) => {
  bus.on('order', render);
};
`,
  ],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

export const onOrder = (bus: EventEmitter, render: (order: unknown) => void) => {
  bus.on('order', render);
};
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`onOrder()`' },
              output: `
import { EventEmitter } from 'node:events';

export const onOrder = (bus: EventEmitter, render: (order: unknown) => void, signal?: AbortSignal) => {
  bus.on('order', render);
  if (signal?.aborted) bus.off('order', render);
  else signal?.addEventListener('abort', () => bus.off('order', render), { once: true });
};
`,
            },
          ],
        },
      ],
    },
  ],
});
