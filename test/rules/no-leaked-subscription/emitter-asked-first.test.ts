import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A function that first asks the emitter whether it already has a listener for the event, and
// leaves if so, adds at most one however often it runs: the emitter's own listener list is the
// record that it did (Haraka's `addOCSP(server)`, called for every connection). Asking
// `listenerCount` is also what shows an untyped `server` is an emitter.
const guardedOn = (guard: string): string => `
export function addOCSP(server) {
  if (${guard}) return;
  server.on('OCSPRequest', () => console.log('ocsp'));
}
`;

// The suggestion ends the listener on a signal the caller may pass.
const withSignal = (first: string): string => `
export function addOCSP(server, signal?: AbortSignal) {
  ${first}
  const onOCSPRequest = () => console.log('ocsp');
  server.on('OCSPRequest', onOCSPRequest);
  if (signal?.aborted) server.off('OCSPRequest', onOCSPRequest);
  else signal?.addEventListener('abort', () => server.off('OCSPRequest', onOCSPRequest), { once: true });
}
`;

const reported = {
  messageId: 'listenerNotRemoved' as const,
  line: 4,
  column: 3,
  endLine: 4,
  endColumn: 12,
};

runInBothModes('no-leaked-subscription: a listener added only when the emitter has none for that event', rule, {
  valid: [
    guardedOn(`server.listenerCount('OCSPRequest') > 0`),
    guardedOn(`server.listeners('OCSPRequest').length`),
    guardedOn(`server.listenerCount('OCSPRequest') > 0 || process.env.NO_OCSP`),
    // Added in the branch taken when it has none.
    `
export function addOCSP(server) {
  if (!server.listeners('OCSPRequest').length) server.on('OCSPRequest', () => console.log('ocsp'));
}
`,
    // The event named by a constant: the same reference in both places.
    `
const EVENT = 'OCSPRequest';
export function addOCSP(server) {
  if (server.listenerCount(EVENT) === 0) {
    server.on(EVENT, () => console.log('ocsp'));
  }
}
`,
  ],
  invalid: [
    // Asked about another event: no record of this listener.
    {
      code: guardedOn(`server.listenerCount('request') > 0`),
      errors: [{ ...reported, suggestions: [{ messageId: 'addSignalParameter', output: withSignal(`if (server.listenerCount('request') > 0) return;`) }] }],
    },
    // Asked, but the answer does not decide whether it is added.
    {
      code: `
export function addOCSP(server) {
  console.log(server.listenerCount('OCSPRequest'));
  server.on('OCSPRequest', () => console.log('ocsp'));
}
`,
      errors: [{ ...reported, line: 4, suggestions: [{ messageId: 'addSignalParameter', output: withSignal(`console.log(server.listenerCount('OCSPRequest'));`) }] }],
    },
    // Asked the other way round: it leaves when the emitter has none, and adds one more when it has one.
    {
      code: guardedOn(`server.listenerCount('OCSPRequest') === 0`),
      errors: [{ ...reported, suggestions: [{ messageId: 'addSignalParameter', output: withSignal(`if (server.listenerCount('OCSPRequest') === 0) return;`) }] }],
    },
    // With one listener, a guard that needs more (`> 1`) lets a second one through.
    {
      code: guardedOn(`server.listenerCount('OCSPRequest') > 1`),
      errors: [{ ...reported, suggestions: [{ messageId: 'addSignalParameter', output: withSignal(`if (server.listenerCount('OCSPRequest') > 1) return;`) }] }],
    },
    // Another operand may let it through on every call.
    {
      code: guardedOn(`server.listenerCount('OCSPRequest') > 0 && !process.env.OCSP_ALWAYS`),
      errors: [
        {
          ...reported,
          suggestions: [{ messageId: 'addSignalParameter', output: withSignal(`if (server.listenerCount('OCSPRequest') > 0 && !process.env.OCSP_ALWAYS) return;`) }],
        },
      ],
    },
    // Added in the branch taken when it already has one.
    {
      code: `
export function addOCSP(server) {
  if (server.listenerCount('OCSPRequest') > 0) {
    server.on('OCSPRequest', () => console.log('ocsp'));
  }
}
`,
      errors: [{ ...reported, line: 4, column: 5, endColumn: 14, suggestions: [{ messageId: 'addSignalParameter', output: `
export function addOCSP(server, signal?: AbortSignal) {
  if (server.listenerCount('OCSPRequest') > 0) {
    const onOCSPRequest = () => console.log('ocsp');
    server.on('OCSPRequest', onOCSPRequest);
    if (signal?.aborted) server.off('OCSPRequest', onOCSPRequest);
    else signal?.addEventListener('abort', () => server.off('OCSPRequest', onOCSPRequest), { once: true });
  }
}
` }] }],
    },
    {
      code: `
export function addOCSP(server) {
  if (server.listenerCount('OCSPRequest') === 0) console.log('first');
  else server.on('OCSPRequest', () => console.log('ocsp'));
}
`,
      errors: [{ ...reported, line: 4, column: 8, endColumn: 17, suggestions: [{ messageId: 'addSignalParameter', output: `
export function addOCSP(server, signal?: AbortSignal) {
  const onOCSPRequest = () => console.log('ocsp');
  if (server.listenerCount('OCSPRequest') === 0) console.log('first');
  else server.on('OCSPRequest', onOCSPRequest);
  if (signal?.aborted) server.off('OCSPRequest', onOCSPRequest);
  else signal?.addEventListener('abort', () => server.off('OCSPRequest', onOCSPRequest), { once: true });
}
` }] }],
    },
  ],
});

// Asking whether the emitter already holds this very function (`listeners(e).includes(f)`) records
// it as well, when `f` is the same function on every call: declared outside the function.
const busAndHandler = `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
function onJob() { console.log('job'); }
`;
const listened = { messageId: 'listenerNotRemoved' as const, line: 6 };

runInBothModes('no-leaked-subscription: a listener added only when the emitter does not hold that function', rule, {
  valid: [
    `${busAndHandler}export function watchJobs() {
  if (!bus.listeners('job').includes(onJob)) bus.on('job', onJob);
}
`,
    `${busAndHandler}export function watchJobs() {
  if (bus.listeners('job').indexOf(onJob) !== -1) return;
  bus.on('job', onJob);
}
`,
  ],
  invalid: [
    // A function made anew on every call is never the one the emitter holds.
    {
      code: `${busAndHandler}export function watchJobs() {
  const onEachJob = () => onJob();
  if (!bus.listeners('job').includes(onEachJob)) bus.on('job', onEachJob);
}
`,
      errors: [
        {
          ...listened,
          line: 7,
          column: 50,
          endColumn: 56,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `${busAndHandler}export function watchJobs(signal?: AbortSignal) {
  const onEachJob = () => onJob();
  if (!bus.listeners('job').includes(onEachJob)) bus.on('job', onEachJob);
  if (signal?.aborted) bus.off('job', onEachJob);
  else signal?.addEventListener('abort', () => bus.off('job', onEachJob), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    // A variable another function gives a new function: the one searched for may be another each call.
    {
      code: `${busAndHandler}let onEach = onJob;
export function logJobsWith(log) { onEach = () => log('job'); }
export function watchJobs() {
  if (!bus.listeners('job').includes(onEach)) bus.on('job', onEach);
}
`,
      errors: [
        {
          ...listened,
          line: 8,
          column: 47,
          endColumn: 53,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `${busAndHandler}let onEach = onJob;
export function logJobsWith(log) { onEach = () => log('job'); }
export function watchJobs(signal?: AbortSignal) {
  if (!bus.listeners('job').includes(onEach)) bus.on('job', onEach);
  if (signal?.aborted) bus.off('job', onEach);
  else signal?.addEventListener('abort', () => bus.off('job', onEach), { once: true });
}
`,
            },
          ],
        },
      ],
    },
    // Another function is searched for.
    {
      code: `${busAndHandler}export function watchJobs() {
  if (!bus.listeners('job').includes(console.log)) bus.on('job', onJob);
}
`,
      errors: [
        {
          ...listened,
          column: 52,
          endColumn: 58,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              output: `${busAndHandler}export function watchJobs(signal?: AbortSignal) {
  if (!bus.listeners('job').includes(console.log)) bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
