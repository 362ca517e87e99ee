import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes, typedRuleTester } from '../../ruleTester';

// A listener on a member the function has just set to an object it made (actionhero's
// `api.resque.queue = new Queue(…); api.resque.queue.on('error', …)`, where `api` is imported) is
// on that new object and dies with it, as `child = spawn(…); child.on('exit', …)` does for a
// variable: the member is read the same way, after an assignment in a block that holds the
// listener further down. Set in a branch that may not have run, to an object the caller handed
// in, or not at all, the member is still what the module or the caller shares, and the listener
// is reported.
const state = `
import { EventEmitter } from 'node:events';

class Queue extends EventEmitter {
  async connect(): Promise<void> {}
}

export const api: { queue?: Queue; workers: { main?: Queue } } = { workers: {} };
`;

runInBothModes('no-leaked-subscription: a listener on a member just set to a new object', rule, {
  valid: [
    `${state}
export async function startQueue() {
  api.queue = new Queue();
  api.queue.on('error', (error) => console.error(error));
  await api.queue.connect();
}
`,
    `${state}
export async function startWorker(make: () => Promise<Queue>) {
  if (Math.random() > 0.5) {
    api.workers.main = await make();
    api.workers.main.on('error', (error) => console.error(error));
  }
}
`,
  ],
  invalid: [],
});

/**
 * The suggestion: a signal parameter, and the listener removed on abort. The member was asserted
 * set (`api.queue!`) when the listener was added; at the abort it is read with `?.`, which
 * type-checks and does not throw if it was cleared since.
 */
const suggested = (header: string, before: string, after = ''): string => `${state}
export function ${header} {
${before}  const onError = (error: any) => console.error(error);
  api.queue!.on('error', onError);
  if (signal?.aborted) api.queue?.off('error', onError);
  else signal?.addEventListener('abort', () => api.queue?.off('error', onError), { once: true });
${after}}
`;

// Without types, a member of a module's object has no known kind, so nothing on it is reported.
typedRuleTester.run('no-leaked-subscription: a listener on a shared member not just set (typed)', rule, {
  valid: [],
  invalid: [
    {
      code: `${state}
export function watchQueue() {
  api.queue!.on('error', (error) => console.error(error));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 11,
          column: 3,
          endLine: 11,
          endColumn: 16,
          suggestions: [{ messageId: 'addSignalParameter', output: suggested('watchQueue(signal?: AbortSignal)', '') }],
        },
      ],
    },
    {
      code: `${state}
export function startQueue(fresh: boolean) {
  if (fresh) api.queue = new Queue();
  api.queue!.on('error', (error) => console.error(error));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 16,
          suggestions: [
            { messageId: 'addSignalParameter', output: suggested('startQueue(fresh: boolean, signal?: AbortSignal)', '  if (fresh) api.queue = new Queue();\n') },
          ],
        },
      ],
    },
    {
      code: `${state}
export function adoptQueue(queue: Queue) {
  api.queue = queue;
  api.queue!.on('error', (error) => console.error(error));
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 12,
          column: 3,
          endLine: 12,
          endColumn: 16,
          suggestions: [{ messageId: 'addSignalParameter', output: suggested('adoptQueue(queue: Queue, signal?: AbortSignal)', '  api.queue = queue;\n') }],
        },
      ],
    },
  ],
});
