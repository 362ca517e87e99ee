import type { Family, HandleEnd } from './family';

const close: HandleEnd = {
  methods: ['close', 'disconnect'],
  functions: [],
  fix: { kind: 'method', name: 'close', returnsPromise: true },
  // `job.waitUntilFinished(queueEvents)` listens on the QueueEvents it is given, and leaves it open.
  borrowedBy: ['waitUntilFinished'],
};

/** bullmq: every `Queue`, `Worker`, `QueueEvents` and `FlowProducer` holds its own Redis connections until `close()`. */
export const bullmq = {
  name: 'bullmq',
  modules: {
    bullmq: {
      starts: {
        Queue: { kind: 'connection', label: 'a BullMQ queue', returns: 'emitter', ends: close },
        Worker: { kind: 'connection', label: 'a BullMQ worker', returns: 'emitter', ends: close },
        QueueEvents: { kind: 'connection', label: 'a BullMQ QueueEvents connection', returns: 'emitter', ends: close },
        FlowProducer: { kind: 'connection', label: 'a BullMQ flow producer', returns: 'emitter', ends: close },
      },
      types: { Queue: 'emitter', Worker: 'emitter', QueueEvents: 'emitter', FlowProducer: 'emitter' },
    },
  },
} as const satisfies Family;
