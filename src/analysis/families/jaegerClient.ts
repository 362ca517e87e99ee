import type { CallStart, Family } from './family';

/** What jaeger-client makes reports spans, or polls for sampling rules, on a timer until `close(callback?)`. */
const closedByClose = (label: string): CallStart => ({
  kind: 'connection',
  label,
  ends: { methods: ['close'], functions: [], fix: { kind: 'method', name: 'close', returnsPromise: false } },
});

/** `initTracer({ disable: true })` hands back opentracing's no-op tracer. */
const tracer: CallStart = { ...closedByClose('a Jaeger tracer'), unlessWith: { index: 0, property: 'disable', values: [true] } };

/**
 * jaeger-client: `initTracer(config)` (and `initTracerFromEnv`) makes a tracer with a remote
 * sampler that polls the agent and a remote reporter that flushes spans over UDP, both on
 * intervals, until `tracer.close()`; `new RemoteReporter(sender)` and `new RemoteSampler(service)`
 * hold their interval (and the sender's socket) until their own `close()`. A `new Tracer(name)`
 * holds only what it is given, so it is no start.
 *
 * ```js
 * const tracer = initTracer({ serviceName: 'api' }, { logger }); // ← until tracer.close()
 * ```
 */
export const jaegerClient = {
  name: 'jaeger-client',
  modules: {
    'jaeger-client': {
      starts: {
        initTracer: tracer,
        initTracerFromEnv: tracer,
        RemoteReporter: closedByClose('a Jaeger remote reporter'),
        RemoteSampler: closedByClose('a Jaeger remote sampler'),
      },
    },
  },
} as const satisfies Family;
