import express from 'express';

class ProgressTicker implements Disposable {
  private readonly timer: NodeJS.Timeout;

  constructor(report: () => void, everyMs: number) {
    this.timer = setInterval(report, everyMs);
  }

  [Symbol.dispose](): void {
    clearInterval(this.timer);
  }
}

async function buildExport(body: unknown): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  return JSON.stringify(body);
}

const app = express();
app.use(express.json());

app.post('/export', async (req, res) => {
  using ticker = new ProgressTicker(() => res.write('.'), 1000);
  const result = await buildExport(req.body);
  res.end(result);
});

app.listen(3000);
