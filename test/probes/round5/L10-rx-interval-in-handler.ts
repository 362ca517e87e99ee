import express from 'express';
import { interval, map } from 'rxjs';

const app = express();
let load = 0;

// Stream the server's load to a dashboard.
app.get('/load', (_req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  interval(2000)
    .pipe(map(() => ({ load, at: Date.now() })))
    .subscribe((sample) => res.write(`data: ${JSON.stringify(sample)}\n\n`));
});

setInterval(() => (load = Math.random()), 1000).unref();
app.listen(3004);
