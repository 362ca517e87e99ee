import { Worker } from 'node:worker_threads';
import express from 'express';

const worker = new Worker(new URL('./resize-worker.js', import.meta.url));
let nextId = 0;

function resize(image: Buffer, width: number): Promise<Buffer> {
  const id = nextId++;
  return new Promise((resolve) => {
    const onMessage = (msg: { id: number; out: Buffer }) => {
      if (msg.id !== id) return;
      worker.off('message', onMessage);
      resolve(msg.out);
    };
    worker.on('message', onMessage);
    worker.postMessage({ id, image, width });
  });
}

const app = express();
app.post('/thumb', express.raw({ type: 'image/*' }), async (req, res) => {
  res.type('png').send(await resize(req.body, 200));
});
app.listen(3000);
