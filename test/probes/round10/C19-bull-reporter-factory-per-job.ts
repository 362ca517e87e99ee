import Queue from 'bull';

const exportQueue = new Queue('exports', 'redis://redis:6379');

function progressReporter(job: Queue.Job, every = 2000) {
  let done = 0;
  return {
    timer: setInterval(() => void job.progress(done), every),
    tick() {
      done++;
    },
    stop() {
      clearInterval(this.timer);
    },
  };
}

async function writeRow(row: string) {
  console.log(row);
}

exportQueue.process(async (job) => {
  const reporter = progressReporter(job);
  try {
    for (const row of job.data.rows as string[]) {
      await writeRow(row);
      reporter.tick();
    }
    return 'ok';
  } finally {
    reporter.stop();
  }
});
