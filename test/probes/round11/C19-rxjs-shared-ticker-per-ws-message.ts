import { WebSocketServer } from 'ws';
import { interval, map, share, type Subscription } from 'rxjs';

const quotes$ = interval(1000).pipe(
  map(() => ({ sym: 'ACME', px: 100 + Math.random() })),
  share(),
);

const wss = new WebSocketServer({ port: 8080 });

wss.on('connection', (ws) => {
  let feed: Subscription | undefined;
  ws.on('message', (raw) => {
    const msg = JSON.parse(String(raw)) as { type: string };
    if (msg.type === 'subscribe') {
      feed?.unsubscribe();
      feed = quotes$.subscribe((quote) => ws.send(JSON.stringify(quote)));
    } else if (msg.type === 'unsubscribe') {
      feed?.unsubscribe();
      feed = undefined;
    }
  });
  ws.on('close', () => feed?.unsubscribe());
});
