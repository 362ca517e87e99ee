const { Worker } = require('bullmq');
const { io } = require('socket.io-client');

const connection = { host: '127.0.0.1', port: 6379 };

// Each render job reports its progress to the dashboard over socket.io.
new Worker('render', async (job) => {
  const dashboard = io(process.env.DASHBOARD ?? 'http://127.0.0.1:4000', { transports: ['websocket'] });
  try {
    for (let page = 1; page <= job.data.pages; page++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      dashboard.emit('progress', { job: job.id, page });
    }
    return { pages: job.data.pages };
  } finally {
    dashboard.disconnect();
  }
}, { connection });
