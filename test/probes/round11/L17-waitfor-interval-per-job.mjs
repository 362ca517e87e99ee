import { Worker } from 'bullmq';
import { access } from 'node:fs/promises';

function waitForFile(path, timeoutMs = 60000) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(async () => { // LEAK
      if (await access(path).then(() => true, () => false)) return resolve(path);
      if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${path}`));
      }
    }, 500);
  });
}

new Worker(
  'transcode',
  async (job) => {
    const output = await waitForFile(`/out/${job.data.id}.mp4`); // LEAK (helper)
    return { output };
  },
  { connection: { host: 'redis', port: 6379 } },
);
