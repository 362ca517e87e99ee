// Issue 12: fixes and suggestions you can apply without reading them. One group per failure
// class; `npm run fixcheck` checks every fix and suggestion of every rule test with tsc.
import noLeakedSubscription from '../../rules/no-leaked-subscription';
import noRepeatedSubscription from '../../rules/no-repeated-subscription';
import { javascriptRuleTester, runInBothModes, typedRuleTester, untypedRuleTester } from '../ruleTester';

// 1. Callers left behind: the parameter goes last and is optional, existing arguments stay where
//    they are, a same-file caller with a signal passes it (padding skipped optional arguments), and
//    the new parameter is used as `signal?.…` so callers that pass nothing keep working.
runInBothModes('add a signal parameter: last, optional, guarded', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
import type { EventEmitter } from 'node:events';

export function follow(bus: EventEmitter, onJob?: (job: unknown) => void, label = 'job') {
  bus.on(label, () => onJob?.(label));
}

export function followAll(bus: EventEmitter, signal: AbortSignal) {
  follow(bus);
  follow(bus, console.log, 'all');
}

export function followSome(bus: EventEmitter) {
  follow(bus, console.log);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
import type { EventEmitter } from 'node:events';

export function follow(bus: EventEmitter, onJob?: (job: unknown) => void, label = 'job', signal?: AbortSignal) {
  const listener = () => onJob?.(label);
  bus.on(label, listener);
  if (signal?.aborted) bus.off(label, listener);
  else signal?.addEventListener('abort', () => bus.off(label, listener), { once: true });
}

export function followAll(bus: EventEmitter, signal: AbortSignal) {
  follow(bus, undefined, undefined, signal);
  follow(bus, console.log, 'all', signal);
}

export function followSome(bus: EventEmitter) {
  follow(bus, console.log);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

javascriptRuleTester.run('add a signal parameter: JavaScript callers that pass nothing', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function listen(onJob) {
  bus.on('job', onJob);
}
module.exports = { listen };
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`listen()`' },
              output: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
function listen(onJob, signal) {
  bus.on('job', onJob);
  if (signal?.aborted) bus.off('job', onJob);
  else signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}
module.exports = { listen };
`,
            },
          ],
        },
      ],
    },
  ],
});

// 2. A parameter added to a function the caller does not own: a method of an object handed to a
//    framework, a function also passed around as a value, a method a base class may call. They are
//    still reported, with no suggestion; a plain class's own method still gets one.
runInBothModes('add a signal parameter: only to functions whose callers the code owns', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export const stream = new ReadableStream({
  start(controller) {
    bus.on('data', (chunk: unknown) => controller.enqueue(chunk));
  },
});

function onRequest(req: unknown) {
  bus.on('done', () => console.log(req));
}
export const server = { handlers: [] as unknown[] };
server.handlers.push(onRequest);

export class Worker extends EventEmitter {
  attachTo(target: EventEmitter) {
    setInterval(() => target.emit('tick'), 1000);
  }
}

export class Poller {
  poll(refresh: () => void) {
    setInterval(() => refresh(), 1000);
  }
}
`,
      errors: [
        { messageId: 'listenerNotRemoved', line: 8, column: 5, endLine: 8, endColumn: 11, suggestions: [] },
        { messageId: 'listenerNotRemoved', line: 13, column: 3, endLine: 13, endColumn: 9, suggestions: [] },
        { messageId: 'handleDropped', line: 20, column: 5, endLine: 20, endColumn: 16, suggestions: [] },
        {
          messageId: 'handleDropped',
          line: 26,
          column: 5,
          endLine: 26,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`poll()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export const stream = new ReadableStream({
  start(controller) {
    bus.on('data', (chunk: unknown) => controller.enqueue(chunk));
  },
});

function onRequest(req: unknown) {
  bus.on('done', () => console.log(req));
}
export const server = { handlers: [] as unknown[] };
server.handlers.push(onRequest);

export class Worker extends EventEmitter {
  attachTo(target: EventEmitter) {
    setInterval(() => target.emit('tick'), 1000);
  }
}

export class Poller {
  poll(refresh: () => void, signal?: AbortSignal) {
    const interval = setInterval(() => refresh(), 1000);
    if (signal?.aborted) clearInterval(interval);
    else signal?.addEventListener('abort', () => clearInterval(interval), { once: true });
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

// 3. Types lost by extracting a listener: moved into a \`const\`, \`(job) => …\` would lose the type its
//    call gave \`job\` (TS7006 under strict). With types it is written out; without, TypeScript gets
//    no fix rather than one that does not compile.
const inlineListener = `
import EventEmitter from 'events';

const bus = new EventEmitter();

export function logJobs(signal: AbortSignal) {
  bus.on('job-done', (job) => {
    console.log(job);
  });
}
`;
const inlineListenerError = {
  messageId: 'listenerNotRemoved' as const,
  data: { code: 'bus.on(…)', label: "a 'job-done' listener", target: 'bus', outlives: 'module-level' },
  line: 7,
  column: 3,
  endLine: 7,
  endColumn: 9,
};

typedRuleTester.run('extracting a listener keeps its parameter types (typed)', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: inlineListener,
      output: `
import EventEmitter from 'events';

const bus = new EventEmitter();

export function logJobs(signal: AbortSignal) {
  const onJobDone = (job: any) => {
    console.log(job);
  };
  bus.on('job-done', onJobDone);
  if (signal.aborted) bus.off('job-done', onJobDone);
  else signal.addEventListener('abort', () => bus.off('job-done', onJobDone), { once: true });
}
`,
      errors: [inlineListenerError],
    },
    {
      // Two parameters, already in parentheses: each gets its type, and no extra parentheses.
      code: `
import EventEmitter from 'events';

const bus = new EventEmitter();

export function logJobs(signal: AbortSignal) {
  bus.on('job-done', (job, attempt) => console.log(job, attempt));
}
`,
      output: `
import EventEmitter from 'events';

const bus = new EventEmitter();

export function logJobs(signal: AbortSignal) {
  const onJobDone = (job: any, attempt: any) => console.log(job, attempt);
  bus.on('job-done', onJobDone);
  if (signal.aborted) bus.off('job-done', onJobDone);
  else signal.addEventListener('abort', () => bus.off('job-done', onJobDone), { once: true });
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 7, column: 3, endLine: 7, endColumn: 9 }],
    },
    {
      // A type with no name here (\`process\`'s send handle) cannot be written: no fix.
      code: `
export function onParentMessage(signal: AbortSignal) {
  process.on('message', (message, handle) => console.log(message, handle));
}
`,
      output: null,
      errors: [{ messageId: 'listenerNotRemoved', line: 3, column: 3, endLine: 3, endColumn: 13 }],
    },
  ],
});

untypedRuleTester.run('extracting a listener keeps its parameter types (untyped)', noLeakedSubscription, {
  valid: [],
  invalid: [{ code: inlineListener, output: null, errors: [inlineListenerError] }],
});

javascriptRuleTester.run('extracting a listener keeps its parameter types (JavaScript has none to lose)', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
/** @param {AbortSignal} signal */ function logJobs(signal) {
  bus.on('job-done', (job) => console.log(job));
}
module.exports = { logJobs };
`,
      output: `
const { EventEmitter } = require('events');
const bus = new EventEmitter();
/** @param {AbortSignal} signal */ function logJobs(signal) {
  const onJobDone = (job) => console.log(job);
  bus.on('job-done', onJobDone);
  if (signal.aborted) bus.off('job-done', onJobDone);
  else signal.addEventListener('abort', () => bus.off('job-done', onJobDone), { once: true });
}
module.exports = { logJobs };
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 5, column: 3, endLine: 5, endColumn: 9 }],
    },
  ],
});

// 4. Ending it at once: a per-run controller aborted when the tick's statement ends is only offered
//    where the tick awaits the helper and the helper awaits after starting the thing; a helper that
//    returns at once would lose its listener as soon as it added it.
runInBothModes('end what it starts when this tick ends: only when the tick awaits the work', noRepeatedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
import { EventEmitter, once } from 'node:events';

const bus = new EventEmitter();

async function follow(onUpdate: (update: unknown) => void) {
  bus.on('update', onUpdate);
  await once(bus, 'flushed');
}

async function followNow(onUpdate: (update: unknown) => void) {
  bus.on('update', onUpdate);
}

setInterval(async () => {
  await follow(console.log);
  await followNow(console.log);
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedCall',
          line: 16,
          column: 9,
          endLine: 16,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'threadSignal',
              data: { callee: 'follow', when: 'when this tick ends' },
              output: `
import { EventEmitter, once } from 'node:events';

const bus = new EventEmitter();

async function follow(onUpdate: (update: unknown) => void, signal?: AbortSignal) {
  bus.on('update', onUpdate);
  if (signal?.aborted) bus.off('update', onUpdate);
  else signal?.addEventListener('abort', () => bus.off('update', onUpdate), { once: true });
  await once(bus, 'flushed');
}

async function followNow(onUpdate: (update: unknown) => void) {
  bus.on('update', onUpdate);
}

setInterval(async () => {
  const run = new AbortController();
  try {
    await follow(console.log, run.signal);
  } finally {
    run.abort();
  }
  await followNow(console.log);
}, 1000);
`,
            },
          ],
        },
        // Awaited, but \`followNow\` returns right after adding the listener: no per-run controller.
        { messageId: 'repeatedCall', line: 17, column: 9, endLine: 17, endColumn: 18, suggestions: [] },
      ],
    },
  ],
});

// A signal in scope that may be missing (`options.signal` of `{ signal?: AbortSignal }`): the fix
// uses it as `signal?.…`, or it would not compile (TS18048) and would throw when none is passed.
runInBothModes('a signal in scope that may be missing is used with ?.', noLeakedSubscription, {
  valid: [],
  invalid: [
    {
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function follow(onJob: (job: unknown) => void, options: { signal?: AbortSignal } = {}) {
  bus.on('job', onJob);
}
`,
      output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function follow(onJob: (job: unknown) => void, options: { signal?: AbortSignal } = {}) {
  bus.on('job', onJob);
  if (options.signal?.aborted) bus.off('job', onJob);
  else options.signal?.addEventListener('abort', () => bus.off('job', onJob), { once: true });
}
`,
      errors: [{ messageId: 'listenerNotRemoved', line: 7, column: 3, endLine: 7, endColumn: 9 }],
    },
  ],
});
