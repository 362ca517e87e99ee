import http from 'node:http';
import { createReadStream } from 'node:fs';

const shutdown = new AbortController();
process.once('SIGTERM', () => shutdown.abort());

http.createServer((req, res) => {
  const file = createReadStream('/srv/big.log');
  const stop = () => file.destroy();
  shutdown.signal.addEventListener('abort', stop);
  res.on('close', () => shutdown.signal.removeEventListener('abort', stop));
  file.pipe(res);
}).listen(3000);
