import { WebSocketServer, type WebSocket } from 'ws';

// Sends a presence beat to one client every few seconds.
class PresenceBeat {
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ws: WebSocket, private readonly everyMs: number) {}

  start(): void {
    const beat = () => {
      this.ws.send(JSON.stringify({ type: 'beat', at: Date.now() }));
      this.timer = setTimeout(beat, this.everyMs);
    };
    beat();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.ws.close();
  }
}

const wss = new WebSocketServer({ port: 8080 });
wss.on('connection', (ws) => {
  const presence = new PresenceBeat(ws, 5_000);
  presence.start();
  ws.on('close', () => presence.stop());
});
