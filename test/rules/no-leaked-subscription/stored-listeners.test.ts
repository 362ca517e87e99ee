import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener function kept where its owner can reach it is removable later by that owner:
// webpack-dev-server pushes each signal handler into `this.listeners` and `stop()` removes them all.
// A collection on `this` that the file only adds to and replaces (`this.listeners = []`) is no
// such place: nobody reads the listener back to remove it (moleculer src/transporters/fake.js:65).
const signalServer = (stop: string) => `
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
    ${stop}
  }
}
`;
runInBothModes('no-leaked-subscription: listeners kept for their owner', rule, {
  valid: [
    signalServer(`for (const { name, listener } of this.listeners) process.removeListener(name, listener);`),
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
      // Kept in a member only ever added to and emptied: stop() drops the listeners, still on process.
      code: signalServer(`this.listeners = [];`),
      errors: [
        {
          messageId: 'listenerNotRemoved',
          data: { code: 'process.on(name, listener)', label: 'a listener', target: 'process', outlives: 'a global' },
          line: 8,
          column: 7,
          endLine: 8,
          endColumn: 17,
          suggestions: [
            {
              messageId: 'addSignalParameter',
              data: { owner: '`setupSignals()`' },
              output: signalServer(`this.listeners = [];`)
                .replace('setupSignals() {', 'setupSignals(signal?: AbortSignal) {')
                .replace(
                  'process.on(name, listener);',
                  "process.on(name, listener);\n      if (signal?.aborted) process.off(name, listener);\n      else signal?.addEventListener('abort', () => process.off(name, listener), { once: true });",
                ),
            },
          ],
        },
      ],
    },
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
  if (signal?.aborted) bus.off('job', listener);
  else signal?.addEventListener('abort', () => bus.off('job', listener), { once: true });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
