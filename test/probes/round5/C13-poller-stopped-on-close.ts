import express from 'express';

class StatusPoller {
  private running = false;
  constructor(private readonly url: string, private readonly onStatus: (s: string) => void) {}

  async start(): Promise<void> {
    this.running = true;
    while (this.running) {
      const res = await fetch(this.url).catch(() => undefined);
      this.onStatus(res ? String(res.status) : 'down');
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }

  stop(): void {
    this.running = false;
  }
}

const app = express();
app.get('/watch', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  const poller = new StatusPoller(String(req.query.url), (s) => res.write(`data: ${s}\n\n`));
  void poller.start();
  req.on('close', () => poller.stop());
});
app.listen(3005);
