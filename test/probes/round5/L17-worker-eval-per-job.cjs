const { Worker } = require('node:worker_threads');
const cron = require('node-cron');

// A worker that hashes whatever it is sent, and keeps listening.
const hasher = `
  const { parentPort } = require('node:worker_threads');
  const { createHash } = require('node:crypto');
  parentPort.on('message', (text) => parentPort.postMessage(createHash('sha256').update(text).digest('hex')));
`;

function hashOffThread(text) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(hasher, { eval: true });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(text);
  });
}

cron.schedule('* * * * * *', async () => {
  console.log(await hashOffThread(new Date().toISOString()));
});
