import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';

// Count the outgoing HTTP requests each incoming request makes.
http
  .createServer(async (req, res) => {
    let outgoing = 0;
    const onRequest = () => {
      outgoing++;
    };
    diagnostics.subscribe('http.client.request.start', onRequest);
    try {
      await fetch('http://127.0.0.1:1/health').catch(() => undefined);
      res.end(JSON.stringify({ url: req.url, outgoing }));
    } finally {
      diagnostics.unsubscribe('http.client.request.start', onRequest);
    }
  })
  .listen(3007);
