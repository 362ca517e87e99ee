const { EventEmitter } = require('node:events');
const http = require('node:http');

const prices = new EventEmitter();
// "MaxListenersExceededWarning" was noisy under load.
prices.setMaxListeners(0);

setInterval(() => prices.emit('price', { sym: 'ACME', px: 100 + Math.random() }), 1_000);

// Server-sent price updates.
http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  prices.on('price', (p) => res.write(`data: ${JSON.stringify(p)}\n\n`));
}).listen(3000);
