const { Worker } = require('bullmq');
const { spawn } = require('node:child_process');

function transcode(input, output) {
  return new Promise((resolve, reject) => {
    const child = spawn('ffmpeg', ['-y', '-i', input, output]);
    const killChild = () => child.kill();
    process.on('exit', killChild); // LEAK
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`ffmpeg exited ${code}`))));
  });
}

new Worker('video', async (job) => transcode(job.data.input, job.data.output), { connection: { host: 'redis' } }); // LEAK (helper)
