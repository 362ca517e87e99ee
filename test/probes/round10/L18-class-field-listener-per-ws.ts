import { EventEmitter } from 'node:events';
import { WebSocketServer, type WebSocket } from 'ws';

export const prices = new EventEmitter();

class PriceFeed {
  private readonly symbols = new Set<string>();
  private readonly forward = (symbol: string, price: number) => {
    if (this.symbols.has(symbol)) this.ws.send(JSON.stringify({ symbol, price }));
  };

  constructor(private readonly ws: WebSocket) {
    prices.on('tick', this.forward); // LEAK
  }

  watch(symbol: string) {
    this.symbols.add(symbol);
  }
}

const wss = new WebSocketServer({ port: 8081 });
wss.on('connection', (ws) => {
  const feed = new PriceFeed(ws); // LEAK (helper)
  ws.on('message', (raw) => feed.watch(String(raw)));
});
