import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// Families real Node application code uses: axon sockets, y-protocols' Awareness, a fork()ed
// child's IPC channel, a readline interface over stdin, a keep-alive HTTP agent.
runInBothModes('no-leaked-subscription: axon, Awareness, fork, readline, keep-alive agents', rule, {
  valid: [
    // An axon socket closed in finally; one never bound or connected holds nothing.
    `
import axon from 'axon';

export async function publishOnce(port: number, topic: string) {
  const sock = axon.socket('pub');
  sock.bind(port);
  try {
    sock.send(topic);
  } finally {
    sock.close();
  }
}

export function describeSocket() {
  const sock = axon.socket('pub');
  return typeof sock;
}
`,
    // An Awareness destroyed after use, and one handed back to the caller.
    `
import { Awareness } from 'y-protocols/awareness';

export function clientCount(doc: object) {
  const awareness = new Awareness(doc);
  try {
    return awareness.getStates().size;
  } finally {
    awareness.destroy();
  }
}

export function awarenessOf(doc: object) {
  return new Awareness(doc);
}
`,
    // Destroying the document destroys its awareness ('destroy' event): hocuspocus's scratch awareness.
    `
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';

export function decode(update: Uint8Array) {
  const scratchDoc = new Y.Doc();
  const scratch = new Awareness(scratchDoc);
  try {
    return scratch.getStates().size + update.length;
  } finally {
    scratchDoc.destroy();
  }
}
`,
    // A forked child that is not sent work exits when its script returns; one that is sent work is disconnected.
    `
import { fork } from 'node:child_process';

export function migrate() {
  fork('./migrate.js');
}

export function runJob(job: object) {
  const child = fork('./worker.js');
  child.send(job);
  child.on('message', () => child.disconnect());
}
`,
    // A readline interface over a file closes when the file ends; one over stdin closed after the answer.
    `
import * as fs from 'node:fs';
import * as readline from 'node:readline';

export function countLines(path: string) {
  const lines = readline.createInterface({ input: fs.createReadStream(path) });
  let count = 0;
  lines.on('line', () => count++);
}

export function ask(question: string) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => {
    rl.close();
    console.log(answer);
  });
}
`,
    // An agent without keepAlive keeps no socket; a keep-alive agent made once for the module lives with it.
    `
import * as http from 'node:http';

const shared = new http.Agent({ keepAlive: true });

export function get(url: string) {
  const agent = new http.Agent();
  http.get(url, { agent }, (res) => res.resume());
  http.get(url, { agent: shared }, (res) => res.resume());
}
`,
  ],
  invalid: [
    {
      // axon.socket('pub') bound and never closed: the port stays held after the call
      code: `
import axon from 'axon';

export function publish(port: number, topic: string) {
  const sock = axon.socket('pub');
  sock.bind(port);
  sock.send(topic);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import axon from 'axon';

export function publish(port: number, topic: string, signal?: AbortSignal) {
  const sock = axon.socket('pub');
  sock.bind(port);
  sock.send(topic);
  if (signal?.aborted) sock.close();
  else signal?.addEventListener('abort', () => sock.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // cote's require of @dashersw/axon: a constructed socket connected (and reconnecting) with no close
      code: `
const axon = require('@dashersw/axon');

export function subscribe(port: number) {
  const sock = new axon.SubEmitterSocket();
  sock.connect(port);
  sock.on('job', (job: unknown) => console.log(job));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 43,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
const axon = require('@dashersw/axon');

export function subscribe(port: number, signal?: AbortSignal) {
  const sock = new axon.SubEmitterSocket();
  sock.connect(port);
  sock.on('job', (job: unknown) => console.log(job));
  if (signal?.aborted) sock.close();
  else signal?.addEventListener('abort', () => sock.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // y-protocols' Awareness per message: its check interval runs until destroy()
      code: `
import { Awareness } from 'y-protocols/awareness';

export function handleMessage(doc: object, update: Uint8Array) {
  const awareness = new Awareness(doc);
  awareness.setLocalState({ update });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 39,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { Awareness } from 'y-protocols/awareness';

export function handleMessage(doc: object, update: Uint8Array, signal?: AbortSignal) {
  const awareness = new Awareness(doc);
  awareness.setLocalState({ update });
  if (signal?.aborted) awareness.destroy();
  else signal?.addEventListener('abort', () => awareness.destroy(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a forked child sent work waits for more: its IPC channel keeps both processes until disconnect()
      code: `
import { fork } from 'node:child_process';

export function runJob(job: object) {
  const child = fork('./worker.js');
  child.send(job);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import { fork } from 'node:child_process';

export function runJob(job: object, signal?: AbortSignal) {
  const child = fork('./worker.js');
  child.send(job);
  if (signal?.aborted) child.disconnect();
  else signal?.addEventListener('abort', () => child.disconnect(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a readline interface over stdin, never closed: it holds stdin (and the process) open
      code: `
import * as readline from 'node:readline';

export function ask(question: string) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => console.log(answer));
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 14,
          endLine: 5,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `
import * as readline from 'node:readline';

export function ask(question: string, signal?: AbortSignal) {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
  rl.question(question, (answer) => console.log(answer));
  if (signal?.aborted) rl.close();
  else signal?.addEventListener('abort', () => rl.close(), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a keep-alive agent made and dropped: its idle sockets stay open with nothing to destroy them
      code: `
import * as https from 'node:https';

export function warm() {
  new https.Agent({ keepAlive: true });
}
`,
      errors: [
        {
          messageId: 'connectionDropped',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 39,
        },
      ],
    },
  ],
});
