import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: the global MessageChannel', rule, {
  valid: [
    // closed once the reply is in
    `
export function ask(worker: { postMessage(value: unknown, transfer: unknown[]): void }, question: string) {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ question, port: port2 }, [port2]);
  return new Promise((resolve) => {
    port1.on('message', (answer) => {
      port1.close();
      resolve(answer);
    });
  });
}
`,
  ],
  invalid: [
    {
      // the global constructor, no import: a channel per call whose listening port is never closed
      code: `
export function watchProgress(worker: { postMessage(value: unknown, transfer: unknown[]): void }, onProgress: (value: unknown) => void) {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ progress: port2 }, [port2]);
  port1.on('message', onProgress);
}
`,
      errors: [
        {
          messageId: 'keptOpen',
          data: { code: "port1.on('message', onProgress)", label: "a 'message' listener", target: 'port1' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchProgress()`' },
              output: `
export function watchProgress(worker: { postMessage(value: unknown, transfer: unknown[]): void }, onProgress: (value: unknown) => void, signal?: AbortSignal) {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ progress: port2 }, [port2]);
  port1.on('message', onProgress);
  if (signal?.aborted) port1.close();
  else signal?.addEventListener('abort', () => port1.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
