import http from 'node:http';
import { createClient } from 'redis';

http
  .createServer((req, res) => {
    const client = createClient({ url: 'redis://cache:6379' });
    client
      .connect()
      .then(() => client.get(`page:${req.url}`))
      .then((html) => res.end(html ?? 'miss'))
      .catch(() => {
        res.statusCode = 500;
        res.end();
      })
      .finally(() => client.disconnect().catch(() => {}));
  })
  .listen(8080);
