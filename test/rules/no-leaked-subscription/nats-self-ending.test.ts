import leaked from '../../../rules/no-leaked-subscription';
import repeated from '../../../rules/no-repeated-subscription';
import { runInBothModes, typedRuleTester, untypedRuleTester } from '../../ruleTester';

// nats.js ends a subscription itself after `max` messages, and a `timeout` ends it (with an error to
// its callback) when no message came in time; the first message cancels the timeout. So
// `{ max: 1, timeout }` always ends; `max` alone waits for messages that may never come, and a
// `max` above one may wait forever after the first.
const dropped = (options: string) => `
import type { NatsConnection } from 'nats';

export function awaitDone(nc: NatsConnection, id: string, onDone: (data: string) => void) {
  nc.subscribe(\`render.done.\${id}\`, { ${options}, callback: (_error, msg) => onDone(msg.string()) });
}
`;

const suggestion = (options: string) => `
import type { NatsConnection } from 'nats';

export function awaitDone(nc: NatsConnection, id: string, onDone: (data: string) => void, signal?: AbortSignal) {
  const subscription = nc.subscribe(\`render.done.\${id}\`, { ${options}, callback: (_error, msg) => onDone(msg.string()) });
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`;

const droppedError = (options: string) => ({
  messageId: 'handleDropped' as const,
  data: { label: 'a NATS subscription', code: 'nc.subscribe(…)' },
  line: 5,
  column: 3,
  endLine: 5,
  endColumn: 15,
  suggestions: [{ messageId: 'addSignalParameter' as const, data: { owner: '`awaitDone()`' }, output: suggestion(options) }],
});

runInBothModes('no-leaked-subscription: a NATS subscription that ends itself', leaked, {
  valid: [dropped('max: 1, timeout: 30_000'), dropped('timeout: 5_000, max: 1')],
  invalid: [
    // no timeout: the one message may never come
    { code: dropped('max: 1'), errors: [droppedError('max: 1')] },
    // the first message cancels the timeout; the other two may never come
    { code: dropped('max: 3, timeout: 30_000'), errors: [droppedError('max: 3, timeout: 30_000')] },
  ],
});

// Per message of another subscription, in a repeated context (round 8's C02).
const perRequest = (options: string) => `
import { connect } from 'nats';

const nc = await connect({ servers: 'localhost:4222' });
nc.subscribe('render.request', {
  callback: (err, msg) => {
    if (err) return;
    nc.subscribe(\`render.done.\${msg.string()}\`, { ${options}, callback: (_e, done) => msg.respond(done.data) });
  },
});
`;

runInBothModes('no-repeated-subscription: a NATS subscription that ends itself, per message', repeated, {
  valid: [perRequest('max: 1, timeout: 30_000')],
  invalid: [],
});

// A `timeout` that may be undefined at run time: with types, a type that admits `undefined` leaves
// `max: 1` alone, which may wait forever, so it is reported like `{ max: 1 }`; a type without it (a
// default, `?? ms`) ends by itself. Without types the value's definedness is unknown: a report would
// rest on a guess that the program's timeout is missing (configs usually default it), so it stays
// quiet, as every rule does when unsure without types.
const timeoutFrom = (parameters: string, options: string) => `
import type { NatsConnection } from 'nats';

export function awaitDone(nc: NatsConnection, id: string${parameters}) {
  nc.subscribe(\`render.done.\${id}\`, { ${options}, callback: () => {} });
}
`;
const timeoutFromEnded = (parameters: string, options: string) => `
import type { NatsConnection } from 'nats';

export function awaitDone(nc: NatsConnection, id: string${parameters}, signal?: AbortSignal) {
  const subscription = nc.subscribe(\`render.done.\${id}\`, { ${options}, callback: () => {} });
  if (signal?.aborted) subscription.unsubscribe();
  else signal?.addEventListener('abort', () => subscription.unsubscribe(), { once: true });
}
`;
const reported = (parameters: string, options: string) => ({
  code: timeoutFrom(parameters, options),
  errors: [
    {
      messageId: 'handleDropped' as const,
      data: { label: 'a NATS subscription', code: 'nc.subscribe(…)' },
      line: 5,
      column: 3,
      endLine: 5,
      endColumn: 15,
      suggestions: [{ messageId: 'addSignalParameter' as const, data: { owner: '`awaitDone()`' }, output: timeoutFromEnded(parameters, options) }],
    },
  ],
});
const maybeMissing: [string, string][] = [
  [', timeout?: number', 'max: 1, timeout'],
  [', config: { timeout?: number }', 'max: 1, timeout: config.timeout'],
  [', config: { timeout: number | undefined }', 'timeout: config.timeout, max: 1'],
];
const alwaysSet = [
  timeoutFrom(', timeout: number', 'max: 1, timeout'),
  timeoutFrom(', config: { timeout?: number }', 'max: 1, timeout: config.timeout ?? 5_000'),
  timeoutFrom(', config: { readonly timeout: 5_000 }', 'max: 1, timeout: config.timeout'),
  // The author asserts it is set.
  timeoutFrom(', config: { timeout?: number }', 'max: 1, timeout: config.timeout!'),
  timeoutFrom(', config: { timeout?: number }', 'max: 1, timeout: config.timeout as number'),
];

typedRuleTester.run('no-leaked-subscription: a NATS timeout whose type may be undefined', leaked, {
  valid: alwaysSet,
  invalid: maybeMissing.map(([parameters, options]) => reported(parameters, options)),
});

untypedRuleTester.run('no-leaked-subscription: a NATS timeout of unknown definedness, without types', leaked, {
  valid: [...alwaysSet, ...maybeMissing.map(([parameters, options]) => timeoutFrom(parameters, options))],
  // Written out as undefined: no timeout, whatever the types.
  invalid: [reported('', 'max: 1, timeout: undefined')],
});
