import type { TestLanguageOptions } from '@typescript-eslint/rule-tester';

import rule from '../../../rules/no-leaked-subscription';
import { javascriptRuleTester, runInBothModes } from '../../ruleTester';

// A collection's entry taken out by a listener on the entry itself, for an event its family says
// fires again (a worker's 'message'): the entry is still running when it fires, so taking it out
// without ending it leaves it running with no handle left (bree's job runner, src/index.js:432).
const scheduler = (onDone: string, event = 'message') => `
import { Worker } from 'node:worker_threads';

export class Scheduler {
  workers = new Map<string, Worker>();
  run(name: string, path: string) {
    this.workers.set(name, new Worker(path));
    this.workers.get(name)!.on('${event}', (message: unknown) => {
      if (message === 'done') {
        const worker = this.workers.get(name);
        worker?.removeAllListeners('message');${onDone}
        this.workers.delete(name);
      }
    });
  }
  async stop() {
    await Promise.all([...this.workers.values()].map((worker) => worker.terminate()));
  }
}
`;

runInBothModes('no-leaked-subscription: an entry taken out by its own repeating listener', rule, {
  valid: [
    // ended before it is taken out
    scheduler(`\n        void worker?.terminate();`),
    // taken out once it has exited: 'exit' fires when the thread is over
    scheduler('', 'exit'),
  ],
  invalid: [
    {
      code: scheduler(''),
      errors: [
        {
          messageId: 'storedDroppedOnEvent',
          data: { code: 'new Worker(path)', label: 'a worker thread', member: 'this.workers', event: 'message', line: '8' },
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 44,
        },
      ],
    },
  ],
});

// The same in CommonJS, the worker made by a factory method, as bree has it.
javascriptRuleTester.run('no-leaked-subscription: an entry taken out by its own repeating listener (CommonJS)', rule, {
  valid: [],
  invalid: [
    {
      code: `
const { Worker } = require('node:worker_threads');
class Bree {
  constructor() { this.workers = new Map(); }
  run(name, path) {
    this.workers.set(name, this.createWorker(path));
    this.workers.get(name).on('message', (message) => {
      if (message !== 'done') return;
      const worker = this.workers.get(name);
      worker.removeAllListeners('message');
      this.workers.delete(name);
    });
  }
  createWorker(path) { return new Worker(path); }
}
module.exports = Bree;
`,
      languageOptions: { sourceType: 'commonjs' } as TestLanguageOptions,
      errors: [
        {
          messageId: 'storedDroppedOnEvent',
          data: { code: 'this.createWorker(path)', label: 'a worker thread', member: 'this.workers', event: 'message', line: '7' },
          line: 6,
          column: 28,
          endLine: 6,
          endColumn: 45,
        },
      ],
    },
  ],
});
