import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: worker_threads', rule, {
  valid: [
    // Node's own idiom: the script gets its input as workerData and exits when it returns
    `
import { Worker } from 'node:worker_threads';

export function runService(workerData: unknown) {
  return new Promise((resolve, reject) => {
    const worker = new Worker('./service.js', { workerData });
    worker.on('message', resolve);
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(\`Worker stopped with exit code \${code}\`));
    });
  });
}
`,
    // sent a job, but the code waits for its exit: its script returns after one message
    `
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

export async function resize(image: Uint8Array) {
  const worker = new Worker('./resize.js');
  worker.postMessage(image);
  const [result] = await once(worker, 'message');
  await once(worker, 'exit');
  return result;
}
`,
    // terminated once the answer is in
    `
import { Worker } from 'node:worker_threads';

export async function resize(image: Uint8Array) {
  const worker = new Worker('./resize.js');
  try {
    worker.postMessage(image);
    return await new Promise((resolve) => worker.once('message', resolve));
  } finally {
    await worker.terminate();
  }
}
`,
    // terminated when the caller's signal aborts
    `
import { Worker } from 'node:worker_threads';

export function startIndexer(signal: AbortSignal, files: string[]) {
  const worker = new Worker('./indexer.js');
  for (const file of files) worker.postMessage(file);
  signal.addEventListener('abort', () => void worker.terminate(), { once: true });
}
`,
    // a pool keeps its workers and terminates them in close()
    `
import { Worker } from 'node:worker_threads';

export class Pool {
  private workers: Worker[] = [];
  add() {
    const worker = new Worker('./task.js');
    worker.postMessage({ ready: true });
    this.workers.push(worker);
  }
  async close() {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
`,
    // made once for the program
    `
import { Worker } from 'node:worker_threads';

const worker = new Worker('./cache.js');
worker.postMessage({ warm: true });
`,
  ],
  invalid: [
    {
      // a thread per call, sent a job and never terminated: its script keeps listening for more
      code: `
import { Worker } from 'node:worker_threads';

export function resize(image: Uint8Array, onDone: (result: unknown) => void) {
  const worker = new Worker('./resize.js');
  worker.on('message', onDone);
  worker.postMessage(image);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "new Worker('./resize.js')", label: 'a worker thread', handle: 'worker' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`resize()`' },
              output: `
import { Worker } from 'node:worker_threads';

export function resize(image: Uint8Array, onDone: (result: unknown) => void, signal?: AbortSignal) {
  const worker = new Worker('./resize.js');
  worker.on('message', onDone);
  worker.postMessage(image);
  if (signal?.aborted) void worker.terminate();
  else signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // the signal is in scope: terminate on abort
      code: `
import { Worker } from 'node:worker_threads';

export async function hash(data: Uint8Array, signal: AbortSignal) {
  if (signal.aborted) return undefined;
  const worker = new Worker('./hash.js');
  worker.postMessage(data);
  return new Promise((resolve) => worker.once('message', resolve));
}
`,
      output: `
import { Worker } from 'node:worker_threads';

export async function hash(data: Uint8Array, signal: AbortSignal) {
  if (signal.aborted) return undefined;
  const worker = new Worker('./hash.js');
  worker.postMessage(data);
  if (signal.aborted) void worker.terminate();
  else signal.addEventListener('abort', () => void worker.terminate(), { once: true });
  return new Promise((resolve) => worker.once('message', resolve));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "new Worker('./hash.js')", label: 'a worker thread', handle: 'worker' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 41,
        },
      ],
    },
  ],
});

javascriptRuleTester.run('no-leaked-subscription: worker_threads (JavaScript)', rule, {
  valid: [
    `
const { Worker } = require('worker_threads');

function runTask(task) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__dirname + '/task.js', { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}
module.exports = { runTask };
`,
  ],
  invalid: [
    {
      code: `
const { Worker } = require('worker_threads');

function runTask(task, onResult) {
  const worker = new Worker(__dirname + '/task.js');
  worker.on('message', onResult);
  worker.postMessage(task);
}
module.exports = { runTask };
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "new Worker(__dirname + '/task.js')", label: 'a worker thread', handle: 'worker' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 52,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`runTask()`' },
              output: `
const { Worker } = require('worker_threads');

function runTask(task, onResult, signal) {
  const worker = new Worker(__dirname + '/task.js');
  worker.on('message', onResult);
  worker.postMessage(task);
  if (signal?.aborted) void worker.terminate();
  else signal?.addEventListener('abort', () => void worker.terminate(), { once: true });
}
module.exports = { runTask };
`,
            },
          ],
        },
      ],
    },
  ],
});

runInBothModes('no-leaked-subscription: MessagePort', rule, {
  valid: [
    // closed once the reply is in: closing either side closes both
    `
import { MessageChannel } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';

export function ask(worker: Worker, question: string) {
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
    // a one-shot listener lets the port go once the message comes
    `
import { MessageChannel } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';

export function ask(worker: Worker, question: string) {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ question, port: port2 }, [port2]);
  return new Promise((resolve) => port1.once('message', resolve));
}
`,
    // unref'd: it no longer keeps the process alive, and goes with its channel
    `
import { MessageChannel } from 'node:worker_threads';

export function progress(onProgress: (value: unknown) => void) {
  const channel = new MessageChannel();
  channel.port1.on('message', onProgress);
  channel.port1.unref();
  return channel.port2;
}
`,
    // the listening port is handed to the caller, who closes it
    `
import { MessageChannel } from 'node:worker_threads';

export function listen(onMessage: (value: unknown) => void) {
  const { port1, port2 } = new MessageChannel();
  port1.on('message', onMessage);
  return { port1, port2 };
}
`,
  ],
  invalid: [
    {
      // a channel per call whose listening port is never closed
      code: `
import { MessageChannel } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';

export function watchProgress(worker: Worker, onProgress: (value: unknown) => void) {
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ progress: port2 }, [port2]);
  port1.on('message', onProgress);
}
`,
      errors: [
        {
          messageId: 'keptOpen',
          data: { code: "port1.on('message', onProgress)", label: "a 'message' listener", target: 'port1' },
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 11,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`watchProgress()`' },
              output: `
import { MessageChannel } from 'node:worker_threads';
import type { Worker } from 'node:worker_threads';

export function watchProgress(worker: Worker, onProgress: (value: unknown) => void, signal?: AbortSignal) {
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
    {
      // through the channel object, with the caller's signal in scope
      code: `
import { MessageChannel } from 'node:worker_threads';

export function relay(signal: AbortSignal, onMessage: (value: unknown) => void) {
  if (signal.aborted) return undefined;
  const channel = new MessageChannel();
  channel.port1.on('message', onMessage);
  return (value: unknown) => channel.port2.postMessage(value);
}
`,
      output: `
import { MessageChannel } from 'node:worker_threads';

export function relay(signal: AbortSignal, onMessage: (value: unknown) => void) {
  if (signal.aborted) return undefined;
  const channel = new MessageChannel();
  channel.port1.on('message', onMessage);
  if (signal.aborted) channel.port1.close();
  else signal.addEventListener('abort', () => channel.port1.close(), { once: true });
  return (value: unknown) => channel.port2.postMessage(value);
}
`,
      errors: [
        {
          messageId: 'keptOpen',
          data: { code: "channel.port1.on('message', onMessage)", label: "a 'message' listener", target: 'channel.port1' },
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 19,
        },
      ],
    },
  ],
});
