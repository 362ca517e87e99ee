import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// A listener on a member that the class's teardown closes (`destroy() { this.port.close(); }`) goes
// with the member: piscina's WorkerInfo.onPortClose. A teardown that does not close it leaves the
// listener on what the object was given.
runInBothModes('no-leaked-subscription: a listener on a member the teardown closes', rule, {
  valid: [`
import { MessageChannel, type MessagePort } from 'node:worker_threads';

class WorkerInfo {
  constructor(private port: MessagePort) {}
  onPortClose(handler: () => void) {
    this.port.on('close', handler);
  }
  destroy() {
    this.port.close();
  }
}

export class Pool {
  workers = new Set<WorkerInfo>();
  fill(min: number) {
    while (this.workers.size < min) {
      this.addWorker();
    }
  }
  addWorker() {
    const { port1 } = new MessageChannel();
    const info = new WorkerInfo(port1);
    info.onPortClose(() => this.workers.delete(info));
    this.workers.add(info);
  }
}
`],
  invalid: [
    {
      code: `
import { MessageChannel, type MessagePort } from 'node:worker_threads';

class WorkerInfo {
  constructor(private port: MessagePort) {}
  onPortClose(handler: () => void) {
    this.port.on('close', handler);
  }
  destroy() {
    console.log("destroyed");
  }
}

export class Pool {
  workers = new Set<WorkerInfo>();
  fill(min: number) {
    while (this.workers.size < min) {
      this.addWorker();
    }
  }
  addWorker() {
    const { port1 } = new MessageChannel();
    const info = new WorkerInfo(port1);
    info.onPortClose(() => this.workers.delete(info));
    this.workers.add(info);
  }
}
`,
      errors: [
        {
          messageId: 'listenerNotRemoved',
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 17,
          suggestions: [{ messageId: 'addSignalParameter', output: `
import { MessageChannel, type MessagePort } from 'node:worker_threads';

class WorkerInfo {
  constructor(private port: MessagePort) {}
  onPortClose(handler: () => void, signal?: AbortSignal) {
    this.port.on('close', handler);
    if (signal?.aborted) this.port.off('close', handler);
    else signal?.addEventListener('abort', () => this.port.off('close', handler), { once: true });
  }
  destroy() {
    console.log("destroyed");
  }
}

export class Pool {
  workers = new Set<WorkerInfo>();
  fill(min: number) {
    while (this.workers.size < min) {
      this.addWorker();
    }
  }
  addWorker() {
    const { port1 } = new MessageChannel();
    const info = new WorkerInfo(port1);
    info.onPortClose(() => this.workers.delete(info));
    this.workers.add(info);
  }
}
` }],
        },
      ],
    },
  ],
});
