import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: net and tls client sockets', rule, {
  valid: [
    // ended once the reply comes; destroyed on error
    `
import net from 'node:net';

export function ping(port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, host);
    socket.once('data', (data) => {
      socket.end();
      resolve(String(data));
    });
    socket.once('error', (error) => {
      socket.destroy();
      reject(error);
    });
    socket.write('PING');
  });
}
`,
    // handed back to the caller, who owns it
    `
import tls from 'node:tls';

export function open(port: number, host: string) {
  const socket = tls.connect({ port, host });
  socket.setKeepAlive(true);
  return socket;
}
`,
    // stored on an owner whose teardown destroys it
    `
import { createConnection, Socket } from 'node:net';

export class Writer {
  socket: Socket | undefined;
  connect(port: number) {
    this.socket = createConnection(port);
    this.socket.on('error', () => undefined);
  }
  close() {
    this.socket?.destroy();
  }
}
`,
    // a socket made and never connected holds nothing
    `
import net from 'node:net';

export function makeSocket() {
  const socket = new net.Socket();
  socket.on('error', () => undefined);
}
`,
    // handed to the promise that resolves on 'connect' (nats' dial)
    `
import { createConnection } from 'node:net';

export function dial(port: number, host: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(port, host, () => {
      resolve(socket);
      socket.removeAllListeners();
    });
    socket.on('error', reject);
  });
}
`,
  ],
  invalid: [
    {
      // the callback listens for 'connect': the socket is the call's value, and nothing closes it
      code: `
import net from 'node:net';

export function hello(port: number) {
  const socket = net.createConnection(port, () => socket.write('hello'));
  socket.on('data', (data) => console.log(String(data)));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'net.createConnection(…)', label: 'a TCP socket', handle: 'socket' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`hello()`' },
              output: `
import net from 'node:net';

export function hello(port: number, signal?: AbortSignal) {
  const socket = net.createConnection(port, () => socket.write('hello'));
  socket.on('data', (data) => console.log(String(data)));
  if (signal?.aborted) socket.destroy();
  else signal?.addEventListener('abort', () => socket.destroy(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // unref() lets the process exit, but the socket stays open until then
      code: `
import net from 'node:net';

export function ping(port: number, host: string) {
  const socket = net.connect(port, host);
  socket.unref();
  socket.write('PING');
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'net.connect(port, host)', label: 'a TCP socket', handle: 'socket' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`ping()`' },
              output: `
import net from 'node:net';

export function ping(port: number, host: string, signal?: AbortSignal) {
  const socket = net.connect(port, host);
  socket.unref();
  socket.write('PING');
  if (signal?.aborted) socket.destroy();
  else signal?.addEventListener('abort', () => socket.destroy(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a connected Socket kept on the instance; close() drops it open
      code: `
import { Socket } from 'node:net';

export class Writer {
  socket: Socket | undefined;
  connect(port: number) {
    this.socket = new Socket();
    this.socket.connect(port);
  }
  close() {
    this.socket = undefined;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Socket()', label: 'a TCP socket', member: 'this.socket', teardown: 'close' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 31,
        },
      ],
    },
    {
      // with a signal in scope the fix destroys the TLS socket on abort
      code: `
import tls from 'node:tls';

export function send(port: number, payload: string, signal: AbortSignal) {
  const socket = tls.connect({ port });
  socket.write(payload);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'tls.connect({ port })', label: 'a TLS socket', handle: 'socket' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 29,
        },
      ],
      output: `
import tls from 'node:tls';

export function send(port: number, payload: string, signal: AbortSignal) {
  const socket = tls.connect({ port });
  socket.write(payload);
  if (signal.aborted) socket.destroy();
  else signal.addEventListener('abort', () => socket.destroy(), { once: true });
}
`,
    },
  ],
});
