import { Worker, type Job } from 'bullmq';
import { startReporter } from './hL06-reporter.js';

const metrics = {
  buffer: [] as string[],
  async flush() {
    this.buffer.length = 0;
  },
};

export const worker = new Worker(
  'imports',
  async (job: Job<{ file: string }>) => {
    startReporter(metrics, job.name);
    metrics.buffer.push(job.data.file);
  },
  { connection: { host: 'localhost', port: 6379 } },
);
