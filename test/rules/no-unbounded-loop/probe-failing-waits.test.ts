import rule from '../../../rules/no-unbounded-loop';
import { runInBothModes } from '../../ruleTester';

// A wait that can fail at once (a connect promise rejected by the socket's 'error' event) is no
// pause when it is what the `try` awaits: refused at once, it fails into the `catch`, and the loop
// goes straight round again. A sleep after the `try` still breaks the spin.
const connectOnce = `
import net from 'node:net';

function connectOnce(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}
`;

runInBothModes('no-unbounded-loop: a wait in the try that can fail at once', rule, {
  valid: [
    `${connectOnce}
export async function waitForSidecar(port: number) {
  while (true) {
    try {
      const socket = await connectOnce(port);
      socket.end();
      return;
    } catch (error) {
      console.warn('sidecar not up yet', error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
`,
  ],
  invalid: [
    {
      code: `${connectOnce}
export async function waitForSidecar(port: number) {
  while (true) {
    try {
      const socket = await connectOnce(port);
      socket.end();
      return;
    } catch (error) {
      console.warn('sidecar not up yet', error);
    }
  }
}
`,
      errors: [
        {
          messageId: 'spinningCatch',
          line: 18,
          column: 7,
          endLine: 18,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'waitBeforeRetry',
              data: { withSignal: '' },
              output: `
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

function connectOnce(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

export async function waitForSidecar(port: number) {
  while (true) {
    try {
      const socket = await connectOnce(port);
      socket.end();
      return;
    } catch (error) {
      console.warn('sidecar not up yet', error);
      await sleep(1000);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
