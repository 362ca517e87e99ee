import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';

const stats = new Map();

function spawnWorker() {
  const worker = cluster.fork();
  cluster.on('message', (from, msg) => { // LEAK
    if (from === worker && msg.type === 'stats') stats.set(worker.id, msg.data);
  });
  return worker;
}

if (cluster.isPrimary) {
  for (let i = 0; i < os.availableParallelism(); i++) spawnWorker();
  cluster.on('exit', (worker, code) => {
    stats.delete(worker.id);
    if (code !== 0) spawnWorker(); // LEAK (helper)
  });
} else {
  http.createServer((req, res) => res.end('ok')).listen(3000);
  setInterval(() => process.send?.({ type: 'stats', data: process.memoryUsage() }), 10000);
}
