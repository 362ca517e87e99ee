import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8080 });

function startHeartbeat(ws, every = 30000) {
  let alive = true;
  const timer = setInterval(() => {
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
  const heartbeat = startHeartbeat(ws);
  ws.on('pong', heartbeat.touch);
  ws.on('close', heartbeat.stop);
  ws.on('message', (data) => {
    heartbeat.touch();
    ws.send(data);
  });
});
