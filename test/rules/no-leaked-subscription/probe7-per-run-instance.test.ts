import rule from '../../../rules/no-leaked-subscription';
import { runInBothModes } from '../../ruleTester';

// An instance made in the same run that calls its start() has its own slot: the next run makes
// another instance, so the start overwrites nothing (a self-re-arming timer stored on each one).
runInBothModes('no-leaked-subscription: start() on an instance made per run overwrites nothing', rule, {
  valid: [
    `
import { WebSocketServer, type WebSocket } from 'ws';
class PresenceBeat {
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly ws: WebSocket) {}
  start(): void {
    const beat = () => {
      this.ws.send('beat');
      this.timer = setTimeout(beat, 5000);
    };
    beat();
  }
  stop(): void {
    clearTimeout(this.timer);
  }
}
new WebSocketServer({ port: 8080 }).on('connection', (ws) => {
  const presence = new PresenceBeat(ws);
  presence.start();
  ws.on('close', () => presence.stop());
});
`,
    `
import express from 'express';
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
express().get('/poll', (req, res) => {
  const poller = new Poller();
  poller.start();
  res.on('close', () => poller.stop());
});
`,
  ],
  invalid: [
    // The instance is made once, outside the route: every request overwrites its slot.
    {
      code: `
import express from 'express';
class Poller {
  private timer: ReturnType<typeof setInterval> | undefined;
  start() {
    this.timer = setInterval(() => console.log('poll'), 1000);
  }
  stop() {
    clearInterval(this.timer);
  }
}
const poller = new Poller();
express().get('/poll', (req, res) => {
  poller.start();
  res.on('close', () => poller.stop());
});
`,
      errors: [
        {
          messageId: 'storedRunsAgain',
          data: { code: 'setInterval(…)', member: 'this.timer', again: 'start', every: 'on every request to this route (line 14)' },
          line: 6,
          column: 18,
        },
      ],
    },
  ],
});
