import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A helper whose listener is on a member its class's teardown closes lives as long as its receiver:
// called on an object made in this run (`const info = new WorkerInfo(port); info.onPortClose(f)`),
// it goes with that object. Called on the same long-lived object every tick, it still piles up,
// teardown or not.
runInBothModes('no-repeated-subscription: a start that lives as long as its receiver', rule, {
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
import Redis from 'ioredis';

export class Feed {
  private timer?: NodeJS.Timeout;
  constructor(private redis: Redis) {}
  start() {
    this.timer = setInterval(() => this.watch(), 1000);
  }
  watch() {
    this.redis.on('message', () => {});
  }
  close() {
    clearInterval(this.timer);
    void this.redis.quit();
  }
}
`,
      errors: [{ messageId: 'repeatedCall', line: 8, column: 36, endLine: 8, endColumn: 46, suggestions: [] }],
    },
  ],
});
