import rule from '../../../rules/require-signal-propagation';
import { runInBothModes } from '../../ruleTester';
import { missing } from './missingSignal';

// A class's own controller is its methods' signal. When the object may not hold one (made in
// `start()`, cleared to `undefined` when polling stops, read by the class as `this.ac?.signal`),
// the fix reads it with `?.`: grammy's long polling sleeps after a failed `getUpdates` in a method
// that runs while `stop()` may already have cleared the controller, where `this.ac.signal` would
// throw out of the polling loop. A controller the object holds from its construction on is read
// with `.`, as before.
const sleep = `
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
`;

const bot = (field: string, stop: string): string => `${sleep}
export class Bot {
${field}
  private running = false;

  async start(poll: (signal?: AbortSignal) => Promise<boolean>) {
    this.running = true;
    this.controller = new AbortController();
    while (this.running) {
      if (!(await poll(this.controller?.signal))) await this.backOff();
    }
  }

  private async backOff() {
    if (!this.running) return;
    await sleep(3000);
  }

  stop() {
${stop}
  }
}
`;

runInBothModes('require-signal-propagation: a controller the object may not hold', rule, {
  valid: [],
  invalid: [
    {
      // Made in start(), cleared in stop(), tested with `?.`.
      code: bot(
        `  private controller: AbortController | undefined;`,
        `    this.running = false;
    this.controller?.abort();
    this.controller = undefined;`,
      ),
      errors: [missing(23, 11, 23, 22)],
      output: bot(
        `  private controller: AbortController | undefined;`,
        `    this.running = false;
    this.controller?.abort();
    this.controller = undefined;`,
      ).replace('await sleep(3000);', 'await sleep(3000, this.controller?.signal);'),
    },
    {
      // Held from the constructor on, only replaced by a new one: read with `.`.
      code: bot(
        `  private controller = new AbortController();`,
        `    this.running = false;
    this.controller.abort();`,
      ).replace('poll(this.controller?.signal)', 'poll(this.controller.signal)'),
      errors: [missing(23, 11, 23, 22)],
      output: bot(
        `  private controller = new AbortController();`,
        `    this.running = false;
    this.controller.abort();`,
      )
        .replace('poll(this.controller?.signal)', 'poll(this.controller.signal)')
        .replace('await sleep(3000);', 'await sleep(3000, this.controller.signal);'),
    },
  ],
});
