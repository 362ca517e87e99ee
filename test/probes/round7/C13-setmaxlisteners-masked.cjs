const { EventEmitter } = require('node:events');
const http = require('node:http');

const prices = new EventEmitter();
// Many clients listen at once; each removes its listener when it goes.
prices.setMaxListeners(0);

setInterval(() => prices.emit('price', { sym: 'ACME', px: 100 + Math.random() }), 1_000);

// Server-sent price updates.
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const send = (p) => res.write(`data: ${JSON.stringify(p)}\n\n`);
  prices.on('price', send);
  req.on('close', () => prices.off('price', send));
}).listen(3000);
