import cron from 'node-cron';

const STATUS_STREAM = process.env.STATUS_STREAM ?? 'http://127.0.0.1:8081/status/stream';

// The status service streams newline-delimited JSON for ever; each tick takes its latest line.
async function latestStatus() {
  const res = await fetch(STATUS_STREAM);
  const reader = /** @type {ReadableStream<Uint8Array>} */ (res.body).getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return null;
      buffered += decoder.decode(value, { stream: true });
      const newline = buffered.indexOf('\n');
      if (newline >= 0) return JSON.parse(buffered.slice(0, newline));
    }
  } finally {
    await reader.cancel();
  }
}

cron.schedule('*/10 * * * * *', async () => {
  const status = await latestStatus();
  console.log('status', status);
});
