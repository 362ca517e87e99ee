const { spawn } = require('node:child_process');

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} [signal]
 * @param {number} [graceMs]
 * @returns {Promise<void>}
 */
function stopChild(child, signal = 'SIGTERM', graceMs = 5000) {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

function main() {
  const child = spawn('node', ['worker.js'], { stdio: 'inherit' });
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      void stopChild(child, signal).then(() => process.exit(0));
    });
  }
}

main();
