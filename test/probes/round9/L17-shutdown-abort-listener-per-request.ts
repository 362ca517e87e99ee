import http from 'node:http';
import { createReadStream } from 'node:fs';

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

http.createServer((req, res) => {
  const file = createReadStream('/srv/big.log');
  shutdown.signal.addEventListener('abort', () => file.destroy()); // LEAK
  file.pipe(res);
}).listen(3000);
