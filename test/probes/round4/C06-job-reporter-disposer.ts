import { Worker, type Job } from 'bullmq';
import { startReporter } from './hC06-reporter.js';

const metrics = {
  buffer: [] as string[],
  async flush() {
    this.buffer.length = 0;
  },
};

async function importFile(file: string): Promise<void> {
  metrics.buffer.push(file);
}

export const worker = new Worker(
  'imports',
  async (job: Job<{ file: string }>) => {
    const stopReporter = startReporter(metrics, job.name);
    try {
      await importFile(job.data.file);
    } finally {
      stopReporter();
    }
  },
  { connection: { host: 'localhost', port: 6379 } },
);
