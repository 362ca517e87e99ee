import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener function kept where its owner can reach it is removable later by that owner:
// webpack-dev-server pushes each signal handler into `this.listeners` and `stop()` removes them all.
runInBothModes('no-leaked-subscription: listeners kept for their owner', rule, {
  valid: [
    `
export class Server {
  listeners: { name: string; listener: () => void }[] = [];
  setupSignals() {
    for (const name of ['SIGUSR2']) {
      const listener = () => this.reload();
      this.listeners.push({ name, listener });
      process.on(name, listener);
    }
  }
  reload() {}
  stop() {
    for (const { name, listener } of this.listeners) process.removeListener(name, listener);
  }
}
`,
    `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function follow(onJob: (job: unknown) => void) {
  const listener = (job: unknown) => onJob(job);
  bus.on('job', listener);
  return listener;
}
`,
  ],
  invalid: [
    {
      // Kept only in a local array nobody reads: nothing can remove it.
      code: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function follow(onJob: (job: unknown) => void) {
  const seen: unknown[] = [];
  const listener = (job: unknown) => onJob(job);
  seen.push(listener);
  bus.on('job', listener);
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 10,
          column: 3,
          endLine: 10,
          endColumn: 9,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`follow()`' },
              output: `
import { EventEmitter } from 'node:events';

const bus = new EventEmitter();

export function follow(onJob: (job: unknown) => void, signal?: AbortSignal) {
  const seen: unknown[] = [];
  const listener = (job: unknown) => onJob(job);
  seen.push(listener);
  bus.on('job', listener);
  signal?.addEventListener('abort', () => bus.off('job', listener), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
