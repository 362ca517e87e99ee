import http from 'node:http';

export const quotes = new EventTarget();

setInterval(() => {
  quotes.dispatchEvent(new MessageEvent('quote', { data: { sym: 'ACME', px: 100 + Math.random() } }));
}, 1000);

http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    quotes.addEventListener('quote', (event) => { // LEAK
      if (event instanceof MessageEvent) res.write(`data: ${JSON.stringify(event.data)}\n\n`);
    });
  })
  .listen(3000);
