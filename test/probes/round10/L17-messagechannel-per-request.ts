import express from 'express';
import { MessageChannel, Worker } from 'node:worker_threads';

const worker = new Worker(new URL('./resize-worker.js', import.meta.url));
const app = express();

app.post('/resize', express.raw({ limit: '10mb', type: 'image/*' }), (req, res) => {
  const { port1, port2 } = new MessageChannel(); // LEAK
  port1.on('message', (out: Buffer) => res.type('image/png').send(out));
  worker.postMessage({ image: req.body, port: port2 }, [port2]);
});

app.listen(3000);
