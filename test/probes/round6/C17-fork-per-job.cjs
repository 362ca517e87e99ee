const { fork } = require('node:child_process');
const path = require('node:path');
const { Worker } = require('bullmq');

const connection = { host: '127.0.0.1', port: 6379 };
const RENDERER = path.join(__dirname, 'hC17-renderer.cjs');

// Each job renders in its own process, so a crash in the renderer cannot take the worker down.
function renderInChild(job) {
  const child = fork(RENDERER);
  return new Promise((resolve, reject) => {
    child.on('message', (/** @type {any} */ msg) => (msg.ok ? resolve(msg.result) : reject(new Error(msg.error))));
    child.on('error', reject);
    child.send({ id: job.id, data: job.data });
  }).finally(() => child.kill());
}

new Worker('pdf', (job) => renderInChild(job), { connection, concurrency: 4 });
