import WebSocket from 'ws';

const FEED_URL = process.env.FEED_URL ?? 'ws://127.0.0.1:8080/feed';

// Keeps one connection to the upstream feed; reconnects a second after it drops.
function connectFeed(onTick) {
  const ws = new WebSocket(FEED_URL);
  ws.on('open', () => {
    // keep NAT/proxies from dropping an idle connection
    setInterval(() => {
      if (ws.readyState === WebSocket.OPEN) ws.ping();
    }, 25_000);
  });
  ws.on('message', (data) => onTick(JSON.parse(data.toString())));
  ws.on('error', (err) => console.warn('feed error', err.message));
  ws.on('close', () => setTimeout(() => connectFeed(onTick), 1_000));
}

connectFeed((tick) => console.log('tick', tick));
