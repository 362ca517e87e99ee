import http from 'node:http';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';

http.createServer(async (req, res) => {
  let received = 0;
  req.on('data', (c: Buffer) => (received += c.length));
  const progress = setInterval(() => console.log(`upload ${req.url}: ${received} bytes`), 5_000).unref();
  try {
    await pipeline(req, fs.createWriteStream(`/tmp/uploads/${Date.now()}`));
    res.end('stored');
  } finally {
    clearInterval(progress);
  }
}).listen(3000);
