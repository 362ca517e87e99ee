import fs from 'node:fs';
import http from 'node:http';

const root = process.env.UPLOADS ?? '/tmp';

// Long-poll: tell the browser when a file shows up in its upload folder.
http
  .createServer((req, res) => {
    const dir = `${root}/${new URL(req.url ?? '/', 'http://x').searchParams.get('user') ?? 'anon'}`;
    fs.mkdirSync(dir, { recursive: true });
    fs.watch(dir, (event, file) => {
      if (event === 'rename' && !res.writableEnded) res.end(JSON.stringify({ file }));
    });
  })
  .listen(3003);
