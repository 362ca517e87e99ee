import { parentPort } from 'node:worker_threads';
import chokidar from 'chokidar';

let watcher;

// The main thread tells this worker which project folder is open; the worker reports changes in it.
parentPort?.on('message', async ({ dir }) => {
  await watcher?.close();
  watcher = chokidar.watch(dir, { ignoreInitial: true, ignored: /node_modules/ });
  watcher.on('all', (event, file) => parentPort?.postMessage({ event, file }));
});
