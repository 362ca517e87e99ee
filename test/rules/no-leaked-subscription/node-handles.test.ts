import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: file handles of fs.promises and inspector sessions', rule, {
  valid: [
    // closed in finally; handed to the caller
    `
import { open } from 'node:fs/promises';

export async function firstLine(path: string) {
  const file = await open(path, 'r');
  try {
    const { buffer } = await file.read(Buffer.alloc(80), 0, 80, 0);
    return buffer.toString('utf8').split('\\n')[0];
  } finally {
    await file.close();
  }
}

export async function openLog(path: string) {
  return open(path, 'a');
}
`,
    // disconnect() in the teardown; a session never connected holds nothing
    `
import * as inspector from 'node:inspector';

export class Profiler {
  session: inspector.Session | null = null;
  start() {
    this.session = new inspector.Session();
    this.session.connect();
  }
  destroy() {
    this.session?.disconnect();
    this.session = null;
  }
}

export function heapSnapshotSession() {
  // made and never connected: it holds nothing
  return new inspector.Session();
}
`,
    // node:inspector/promises: the same Session, disconnected in finally
    `
import { Session } from 'node:inspector/promises';

export async function cpuProfile(ms: number) {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.start');
    await new Promise((resolve) => setTimeout(resolve, ms));
    return (await session.post('Profiler.stop')).profile;
  } finally {
    session.disconnect();
  }
}
`,
    // the event loop delay histogram disabled once read; one made and never enabled samples nothing
    `
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export async function loopDelayP99() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  try {
    await sleep(500);
  } finally {
    histogram.disable();
  }
  return histogram.percentile(99) / 1e6;
}

export function histogramFor(resolution: number) {
  const histogram = monitorEventLoopDelay({ resolution });
  return histogram.percentile(50);
}
`,
  ],
  invalid: [
    {
      // an event loop delay histogram enabled per call samples on its timer until disable()
      code: `
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export async function loopDelayP99() {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  await sleep(500);
  return histogram.percentile(99) / 1e6;
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          data: { code: 'monitorEventLoopDelay(…)', label: 'an event loop delay sampler (its timer)', handle: 'histogram', ended: 'cleared' },
          line: 6,
          column: 21,
          endLine: 6,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`loopDelayP99()`' },
              output: `
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

export async function loopDelayP99(signal?: AbortSignal) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  if (signal?.aborted) histogram.disable();
  else signal?.addEventListener('abort', () => histogram.disable(), { once: true });
  await sleep(500);
  return histogram.percentile(99) / 1e6;
}
`,
            },
          ],
        },
      ],
    },
    {
      // node:inspector/promises exports the same Session: connected per call, never disconnected
      code: `
import { Session } from 'node:inspector/promises';

export async function cpuProfile(ms: number) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await session.post('Profiler.stop')).profile;
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'new Session()', label: 'an inspector session', handle: 'session' },
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`cpuProfile()`' },
              output: `
import { Session } from 'node:inspector/promises';

export async function cpuProfile(ms: number, signal?: AbortSignal) {
  const session = new Session();
  session.connect();
  if (signal?.aborted) session.disconnect();
  else signal?.addEventListener('abort', () => session.disconnect(), { once: true });
  await session.post('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await session.post('Profiler.stop')).profile;
}
`,
            },
          ],
        },
      ],
    },
    {
      // the FileHandle keeps its descriptor open until garbage collection
      code: `
import { open } from 'node:fs/promises';

export async function firstLine(path: string) {
  const file = await open(path, 'r');
  const { buffer } = await file.read(Buffer.alloc(80), 0, 80, 0);
  return buffer.toString('utf8').split('\\n')[0];
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          line: 5,
          column: 22,
          endLine: 5,
          endColumn: 26,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`firstLine()`' }, output: `
import { open } from 'node:fs/promises';

export async function firstLine(path: string, signal?: AbortSignal) {
  const file = await open(path, 'r');
  if (signal?.aborted) void file.close();
  else signal?.addEventListener('abort', () => void file.close(), { once: true });
  const { buffer } = await file.read(Buffer.alloc(80), 0, 80, 0);
  return buffer.toString('utf8').split('\\n')[0];
}
` }],
        },
      ],
    },
    {
      // destroy() drops the session without disconnecting it
      code: `
import * as inspector from 'node:inspector';

export class Profiler {
  session: inspector.Session | null = null;
  start() {
    this.session = new inspector.Session();
    this.session.connect();
    this.session.post('Profiler.enable');
  }
  destroy() {
    this.session?.post('Profiler.disable');
    this.session = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new inspector.Session()', label: 'an inspector session', member: 'this.session', teardown: 'destroy' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 43,
        },
      ],
    },
  ],
});

runInBothModes('no-leaked-subscription: etcd3 clients', rule, {
  valid: [`
import { Etcd3 } from 'etcd3';

export class Discoverer {
  client: Etcd3 | null = null;
  init(hosts: string[]) {
    this.client = new Etcd3({ hosts });
  }
  stop() {
    this.client?.close();
    this.client = null;
  }
}
`],
  invalid: [
    {
      // stop() drops the client and its gRPC channels stay open
      code: `
import { Etcd3 } from 'etcd3';

export class Discoverer {
  client: Etcd3 | null = null;
  init(hosts: string[]) {
    this.client = new Etcd3({ hosts });
  }
  stop() {
    this.client = null;
  }
}
`,
      errors: [
        {
          messageId: 'storedNotEnded',
          data: { code: 'new Etcd3({ hosts })', label: 'an etcd client', member: 'this.client', teardown: 'stop' },
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 39,
        },
      ],
    },
  ],
});
