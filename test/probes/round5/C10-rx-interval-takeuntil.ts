import express from 'express';
import { fromEvent, interval, map, takeUntil } from 'rxjs';

const app = express();
let load = 0;

// Stream the server's load to a dashboard until it disconnects.
app.get('/load', (req, res) => {
  res.setHeader('Content-Type', 'text/event-stream');
  interval(2000)
    .pipe(
      map(() => ({ load, at: Date.now() })),
      takeUntil(fromEvent(req, 'close')),
    )
    .subscribe((sample) => res.write(`data: ${JSON.stringify(sample)}\n\n`));
});

setInterval(() => (load = Math.random()), 1000).unref();
app.listen(3004);
