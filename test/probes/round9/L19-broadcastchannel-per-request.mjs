import http from 'node:http';

const cache = new Map();

http.createServer((req, res) => {
  const bc = new BroadcastChannel('cache-invalidate'); // LEAK
  bc.onmessage = (ev) => cache.delete(ev.data);
  if (req.method === 'DELETE') {
    cache.delete(req.url);
    bc.postMessage(req.url);
  }
  res.end(String(cache.get(req.url) ?? ''));
}).listen(3000);
