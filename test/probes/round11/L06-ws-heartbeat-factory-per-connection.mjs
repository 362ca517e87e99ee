import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });

function startHeartbeat(ws, every = 30000) {
  let alive = true;
  const timer = setInterval(() => { // LEAK
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, every);
  return {
    touch: () => { alive = true; },
    stop: () => clearInterval(timer),
  };
}

wss.on('connection', (ws) => {
  const heartbeat = startHeartbeat(ws); // LEAK (helper)
  ws.on('pong', heartbeat.touch);
  ws.on('message', (data) => {
    heartbeat.touch();
    ws.send(data);
  });
});
