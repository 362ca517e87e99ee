import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// What a server makes for one client or one request (socket.io's server-side `Socket`, Node's
// `IncomingMessage`/`ServerResponse`), by its type: a function handed one attaches its listeners
// for that client's life, as socket.io's documented handler modules do
// (`export default (io, socket) => { socket.on('order:create', …) }`). Calling it again on the
// same socket from a repeated context is no-repeated-subscription's to report.
runInBothModes('no-leaked-subscription: listeners on what a server made for one client', rule, {
  valid: [
    `
import type { Server, Socket } from 'socket.io';

export default function chatHandlers(io: Server, socket: Socket) {
  socket.on('chat:message', (message: string) => {
    io.emit('chat:message', message);
  });
  socket.on('chat:typing', () => socket.broadcast.emit('chat:typing', socket.id));
}
`,
    `
import type { IncomingMessage } from 'node:http';

export function logAborted(req: IncomingMessage) {
  req.on('aborted', () => console.warn('client went away', req.url));
}
`,
    // A request type extending Node's, generic as express's \`Request<P>\` is.
    `
import type { IncomingMessage } from 'node:http';

interface AppRequest<P> extends IncomingMessage {
  params: P;
}

export function proxyQuote(req: AppRequest<{ symbol: string }>) {
  const controller = new AbortController();
  req.on('close', () => controller.abort());
  return fetch(\`https://quotes.internal/\${req.params.symbol}\`, { signal: controller.signal });
}
`,
  ],
  invalid: [],
});

// Typed, a long-lived object handed in is still reported: an emitter, or the client package's
// socket (one connection for the whole app, not one per client).
typedRuleTester.run('no-leaked-subscription: listeners on long-lived objects handed in (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: `
import type { Socket } from 'socket.io-client';

export function onPrice(socket: Socket, render: (price: number) => void) {
  socket.on('price', render);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import type { Socket } from 'socket.io-client';

export function onPrice(socket: Socket, render: (price: number) => void, signal?: AbortSignal) {
  socket.on('price', render);
  if (signal?.aborted) socket.off('price', render);
  else signal?.addEventListener('abort', () => socket.off('price', render), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
