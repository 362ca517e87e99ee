import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: etcd3 watchers and leases', rule, {
  valid: [
    // cancelled when the caller's signal aborts; handed to the caller; a builder never created holds nothing
    `
import { Etcd3 } from 'etcd3';

const client = new Etcd3();

export async function follow(key: string, onPut: (value: string) => void, signal: AbortSignal) {
  const watcher = await client.watch().key(key).create();
  watcher.on('put', (kv) => onPut(String(kv)));
  signal.addEventListener('abort', () => void watcher.cancel(), { once: true });
}

export function watchPrefix(prefix: string) {
  return client.watch().prefix(prefix).create();
}

export function builderFor(prefix: string) {
  return client.watch().prefix(prefix);
}
`,
    // a lease revoked when the work is done
    `
import { Etcd3 } from 'etcd3';

export async function holdWhile(client: Etcd3, key: string, work: () => Promise<void>) {
  const lease = client.lease(10);
  try {
    await lease.grant();
    await work();
  } finally {
    await lease.revoke();
  }
}
`,
    // a put builder's lease(id) attaches a granted lease to the key: it starts nothing; a campaign resigned
    `
import { Etcd3 } from 'etcd3';

export async function announce(client: Etcd3, key: string, value: string, leaseId: string) {
  await client.put(key).value(value).lease(leaseId).exec();
}

// no keep-alives: the lease expires by its TTL
export async function expiring(client: Etcd3, key: string) {
  const lease = client.lease(30, { autoKeepAlive: false });
  await lease.put(key).value('1');
}

export async function leadOnce(client: Etcd3, job: () => Promise<void>) {
  const campaign = client.election('singleton-job').campaign('me');
  await campaign.wait();
  try {
    await job();
  } finally {
    await campaign.resign();
  }
}
`,
  ],
  invalid: [
    {
      // every call opens one more watch stream, never cancelled
      code: `
import { Etcd3 } from 'etcd3';

const client = new Etcd3();

export async function follow(key: string, onPut: (value: string) => void) {
  const watcher = await client.watch().key(key).create();
  watcher.on('put', (kv) => onPut(String(kv)));
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 7,
          column: 25,
          endLine: 7,
          endColumn: 55,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`follow()`' }, output: `
import { Etcd3 } from 'etcd3';

const client = new Etcd3();

export async function follow(key: string, onPut: (value: string) => void, signal?: AbortSignal) {
  const watcher = await client.watch().key(key).create();
  watcher.on('put', (kv) => onPut(String(kv)));
  if (signal?.aborted) void watcher.cancel();
  else signal?.addEventListener('abort', () => void watcher.cancel(), { once: true });
}
` }],
        },
      ],
    },
    {
      // the lease is granted and kept alive by heartbeats after the call returns
      code: `
import { Etcd3 } from 'etcd3';

export async function register(client: Etcd3, key: string, value: string) {
  const lease = client.lease(10);
  await lease.grant();
  await client.put(key).value(value).exec();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'client.lease(10)', label: 'an etcd lease', handle: 'lease' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 29,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`register()`' }, output: `
import { Etcd3 } from 'etcd3';

export async function register(client: Etcd3, key: string, value: string, signal?: AbortSignal) {
  const lease = client.lease(10);
  if (signal?.aborted) void lease.revoke();
  else signal?.addEventListener('abort', () => void lease.revoke(), { once: true });
  await lease.grant();
  await client.put(key).value(value).exec();
}
` }],
        },
      ],
    },
    {
      // the candidate's lease stays alive (and it stays leader) after the job is done
      code: `
import { Etcd3 } from 'etcd3';

export async function leadOnce(client: Etcd3, job: () => Promise<void>) {
  const campaign = client.election('singleton-job').campaign('me');
  await campaign.wait();
  await job();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: "client.election('singleton-job').campai…", label: 'an etcd election campaign', handle: 'campaign' },
          line: 5,
          column: 20,
          endLine: 5,
          endColumn: 61,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`leadOnce()`' }, output: `
import { Etcd3 } from 'etcd3';

export async function leadOnce(client: Etcd3, job: () => Promise<void>, signal?: AbortSignal) {
  const campaign = client.election('singleton-job').campaign('me');
  if (signal?.aborted) void campaign.resign();
  else signal?.addEventListener('abort', () => void campaign.resign(), { once: true });
  await campaign.wait();
  await job();
}
` }],
        },
      ],
    },
    {
      // the observer keeps watching the leader key after the call returns
      code: `
import { Etcd3 } from 'etcd3';

export async function currentLeader(client: Etcd3) {
  const observer = await client.election('singleton-job').observe();
  return observer.leader();
}
`,
      errors: [
        {
          messageId: 'handleNotEnded',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 66,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`currentLeader()`' }, output: `
import { Etcd3 } from 'etcd3';

export async function currentLeader(client: Etcd3, signal?: AbortSignal) {
  const observer = await client.election('singleton-job').observe();
  if (signal?.aborted) void observer.cancel();
  else signal?.addEventListener('abort', () => void observer.cancel(), { once: true });
  return observer.leader();
}
` }],
        },
      ],
    },
  ],
});

runInBothModes('no-leaked-subscription: jaeger-client tracers', rule, {
  valid: [
    // one tracer for the program; one closed with its owner
    `
import { initTracer } from 'jaeger-client';

export const tracer = initTracer({ serviceName: 'api' }, {});

// disabled: opentracing's no-op tracer, with no sampler or reporter
export function noopSpan(name: string) {
  const quiet = initTracer({ serviceName: 'api', disable: true }, {});
  quiet.startSpan(name).finish();
}

export class Exporter {
  tracer: ReturnType<typeof initTracer> | null = null;
  start(serviceName: string) {
    this.tracer = initTracer({ serviceName }, {});
  }
  stop() {
    this.tracer?.close();
    this.tracer = null;
  }
}
`,
  ],
  invalid: [
    {
      // a tracer per call: its sampler and reporter intervals run on
      code: `
import { initTracer } from 'jaeger-client';

export function traceOnce(serviceName: string, name: string) {
  const tracer = initTracer({ serviceName }, {});
  tracer.startSpan(name).finish();
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'initTracer({ serviceName }, {})', label: 'a Jaeger tracer', handle: 'tracer' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 28,
          suggestions: [{ messageId: 'addSignalParameter', data: { owner: '`traceOnce()`' }, output: `
import { initTracer } from 'jaeger-client';

export function traceOnce(serviceName: string, name: string, signal?: AbortSignal) {
  const tracer = initTracer({ serviceName }, {});
  tracer.startSpan(name).finish();
  if (signal?.aborted) tracer.close();
  else signal?.addEventListener('abort', () => tracer.close(), { once: true });
}
` }],
        },
      ],
    },
  ],
});

// bullmq's child.js: a server made and listened per call to find a free port.
runInBothModes('no-leaked-subscription: a server listened per call', rule, {
  valid: [
    `
import * as net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
`,
  ],
  invalid: [
    {
      // every call leaves one more listening socket
      code: `
import * as net from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, () => {
      const { port } = server.address() as net.AddressInfo;
      resolve(port);
    });
  });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { code: 'net.createServer()', label: 'a TCP server', handle: 'server' },
          line: 6,
          column: 20,
          endLine: 6,
          endColumn: 36,
        },
      ],
    },
  ],
});
