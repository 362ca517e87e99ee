import { Kafka } from 'kafkajs';

class ProgressReporter {
  private timer: NodeJS.Timeout;
  private done = 0;
  constructor(private readonly jobId: string, everyMs: number) {
    this.timer = setInterval(() => console.log(`job ${this.jobId}: ${this.done} rows`), everyMs);
  }
  tick() {
    this.done++;
  }
  stop() {
    clearInterval(this.timer);
  }
}

const kafka = new Kafka({ clientId: 'importer', brokers: ['localhost:9092'] });
const consumer = kafka.consumer({ groupId: 'importers' });

export async function main() {
  await consumer.connect();
  await consumer.subscribe({ topic: 'imports', fromBeginning: false });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const job = JSON.parse(String(message.value)) as { id: string; rows: unknown[] };
      const reporter = new ProgressReporter(job.id, 5_000);
      for (const row of job.rows) {
        await importRow(row);
        reporter.tick();
      }
    },
  });
}

async function importRow(_row: unknown) {}
