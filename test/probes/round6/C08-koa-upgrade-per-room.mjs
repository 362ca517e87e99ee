import http from 'node:http';
import Koa from 'koa';
import Router from '@koa/router';
import { WebSocketServer } from 'ws';

const app = new Koa();
const router = new Router();
const server = http.createServer(app.callback());
const rooms = new Map();

// One upgrade listener for the server's life; it routes by path to the room's ws server.
server.on('upgrade', (req, socket, head) => {
  const id = req.url?.startsWith('/rooms/') ? req.url.slice('/rooms/'.length) : undefined;
  const wss = id ? rooms.get(id) : undefined;
  if (!wss) {
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});

function openRoom(id) {
  const wss = new WebSocketServer({ noServer: true });
  rooms.set(id, wss);
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
