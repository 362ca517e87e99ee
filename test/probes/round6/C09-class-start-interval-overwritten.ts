import express from 'express';

class UploadProgress {
  private timer: NodeJS.Timeout | undefined;
  private percent = 0;

  constructor(private readonly publish: (percent: number) => void) {}

  // Called whenever a chunk arrives; starts the progress broadcast once.
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.publish(this.percent), 1_000);
  }

  update(percent: number): void {
    this.percent = percent;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}

const progress = new UploadProgress((p) => console.log(`upload ${p}%`));
const app = express();

app.put('/upload/chunk', (req, res) => {
  const percent = Number(req.query.percent ?? 0);
  progress.start();
  progress.update(percent);
  if (percent >= 100) progress.stop();
  res.sendStatus(204);
});

app.listen(3000);
