import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// A class of ours whose method awaits in a loop for as long as a flag of the instance says so, and
// whose teardown clears that flag: an instance started per request runs its loop until stopped.
const poller = (loop: string, handler: string) => `
import express from 'express';

class StatusPoller {
  private running = false;
  constructor(private readonly url: string, private readonly onStatus: (s: string) => void) {}

  async start(): Promise<void> {
    this.running = true;
${loop}
  }

  stop(): void {
    this.running = false;
  }
}

const app = express();
app.get('/watch', (req, res) => {
  const poller = new StatusPoller(String(req.query.url), (s) => res.write(s));
  void poller.start();
${handler}
});
`;

const endless = `    while (this.running) {
      const res = await fetch(this.url).catch(() => undefined);
      this.onStatus(res ? String(res.status) : 'down');
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }`;

runInBothModes('no-repeated-subscription: classes of ours running a loop on a flag', rule, {
  valid: [
    // Stopped when the client goes away.
    poller(endless, `  req.on('close', () => poller.stop());`),
    // The loop leaves by itself once the service answers: it ends without stop().
    poller(
      `    while (this.running) {
      const res = await fetch(this.url).catch(() => undefined);
      if (res?.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }`,
      '',
    ),
    // Made but never started: the loop never runs.
    poller(endless, '').replace('  void poller.start();\n', ''),
  ],
  invalid: [
    {
      code: poller(endless, ''),
      errors: [
        {
          messageId: 'repeatedStart',
          data: {
            code: 'new StatusPoller(…)',
            every: 'on every request to this route',
            started: 'StatusPoller (its `stop()` ends the loop on `this.running`)',
          },
          line: 24,
          column: 18,
        },
      ],
    },
    {
      // `while (!this.stopped)`, cleared by `close()`.
      code: `
class Tailer {
  stopped = false;
  async follow(read: () => Promise<string>) {
    while (!this.stopped) console.log(await read());
  }
  close() {
    this.stopped = true;
  }
}

setInterval(() => {
  const tailer = new Tailer();
  void tailer.follow(async () => 'line');
}, 1000);
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'new Tailer()', every: 'on every tick of this interval', started: 'Tailer (its `close()` ends the loop on `this.stopped`)' },
          line: 13,
          column: 18,
        },
      ],
    },
  ],
});
