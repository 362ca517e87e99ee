import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

runInBothModes('no-leaked-subscription: bullmq', rule, {
  valid: [
    // the QueueEvents is closed once the job is done
    `
import { Queue, QueueEvents } from 'bullmq';

const queue = new Queue('reports');

export async function renderReport(data: string) {
  const queueEvents = new QueueEvents('reports');
  try {
    const job = await queue.add('render', data);
    return await job.waitUntilFinished(queueEvents);
  } finally {
    await queueEvents.close();
  }
}
`,
    // one QueueEvents at module scope, shared by every call (the BullMQ docs idiom)
    `
import { Queue, QueueEvents } from 'bullmq';

const queue = new Queue('reports');
const queueEvents = new QueueEvents('reports');

export async function renderReport(data: string) {
  const job = await queue.add('render', data);
  return job.waitUntilFinished(queueEvents);
}
`,
    // the worker is returned to whoever closes it
    `
import { Worker } from 'bullmq';

export function startWorker(name: string) {
  return new Worker(name, async (job) => console.log(job.data));
}
`,
    // a FlowProducer closed once the flow is added
    `
import { FlowProducer } from 'bullmq';

export async function addReport(id: string, parts: string[]) {
  const flow = new FlowProducer({ connection: { host: 'redis' } });
  try {
    return await flow.add({ name: 'merge', queueName: 'reports', data: { id }, children: parts.map((part) => ({ name: 'render', queueName: 'renders', data: { part } })) });
  } finally {
    await flow.close();
  }
}
`,
  ],
  invalid: [
    {
      // a FlowProducer holds its Redis connection as a Queue does: made per call, never closed
      code: `
import { FlowProducer } from 'bullmq';

export async function addReport(id: string) {
  const flow = new FlowProducer({ connection: { host: 'redis' } });
  return flow.add({ name: 'merge', queueName: 'reports', data: { id } });
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a BullMQ flow producer', handle: 'flow', code: 'new FlowProducer(…)' },
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 67,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`addReport()`' },
              output: `
import { FlowProducer } from 'bullmq';

export async function addReport(id: string, signal?: AbortSignal) {
  const flow = new FlowProducer({ connection: { host: 'redis' } });
  if (signal?.aborted) void flow.close();
  else signal?.addEventListener('abort', () => void flow.close(), { once: true });
  return flow.add({ name: 'merge', queueName: 'reports', data: { id } });
}
`,
            },
          ],
        },
      ],
    },
    {
      // a QueueEvents made per call to wait for a job, never closed
      code: `
import { Queue, QueueEvents } from 'bullmq';

const queue = new Queue('reports');

export async function renderReport(data: string) {
  const queueEvents = new QueueEvents('reports');
  const job = await queue.add('render', data);
  return job.waitUntilFinished(queueEvents);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a BullMQ QueueEvents connection', handle: 'queueEvents', code: "new QueueEvents('reports')" },
          line: 7,
          column: 23,
          endLine: 7,
          endColumn: 49,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`renderReport()`' },
              output: `
import { Queue, QueueEvents } from 'bullmq';

const queue = new Queue('reports');

export async function renderReport(data: string, signal?: AbortSignal) {
  const queueEvents = new QueueEvents('reports');
  if (signal?.aborted) void queueEvents.close();
  else signal?.addEventListener('abort', () => void queueEvents.close(), { once: true });
  const job = await queue.add('render', data);
  return job.waitUntilFinished(queueEvents);
}
`,
            },
          ],
        },
      ],
    },
    {
      // a Queue made per request, never closed
      code: `
import { Queue } from 'bullmq';

export async function enqueue(name: string, data: string) {
  const queue = new Queue(name);
  await queue.add('job', data);
}
`,
      errors: [
        {
          messageId: 'connectionNotClosed',
          data: { label: 'a BullMQ queue', handle: 'queue', code: 'new Queue(name)' },
          line: 5,
          column: 17,
          endLine: 5,
          endColumn: 32,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`enqueue()`' },
              output: `
import { Queue } from 'bullmq';

export async function enqueue(name: string, data: string, signal?: AbortSignal) {
  const queue = new Queue(name);
  if (signal?.aborted) void queue.close();
  else signal?.addEventListener('abort', () => void queue.close(), { once: true });
  await queue.add('job', data);
}
`,
            },
          ],
        },
      ],
    },
    {
      // a Worker started per call and dropped
      code: `
import { Worker } from 'bullmq';

export function startWorker(name: string) {
  new Worker(name, async (job) => console.log(job.data));
}
`,
      errors: [
        {
          messageId: 'connectionDropped',
          data: { label: 'a BullMQ worker', code: 'new Worker(…)' },
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 57,
        },
      ],
    },
  ],
});
