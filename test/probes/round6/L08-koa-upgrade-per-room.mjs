import http from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import { WebSocketServer } from 'ws';

const app = new Koa();
const router = new Router();
const server = http.createServer(app.callback());
const rooms = new Map();

function openRoom(id) {
  const wss = new WebSocketServer({ noServer: true });
  rooms.set(id, wss);
  // Route upgrades for this room's path to its own ws server.
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== `/rooms/${id}`) return;
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  return wss;
}

router.post('/rooms/:id', (ctx) => {
  const wss = rooms.get(ctx.params.id) ?? openRoom(ctx.params.id);
  ctx.body = { id: ctx.params.id, clients: wss.clients.size };
});

router.delete('/rooms/:id', (ctx) => {
  rooms.get(ctx.params.id)?.close();
  rooms.delete(ctx.params.id);
  ctx.status = 204;
});

app.use(router.routes());
server.listen(3000);
