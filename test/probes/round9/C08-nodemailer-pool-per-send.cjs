const nodemailer = require('nodemailer');
const { Worker } = require('bullmq');

async function sendReceipt(to, html) {
  const transporter = nodemailer.createTransport({ pool: true, host: 'smtp.internal', port: 587, maxConnections: 5 });
  try {
    return await transporter.sendMail({ from: 'billing@example.com', to, subject: 'Your receipt', html });
  } finally {
    transporter.close();
  }
}

new Worker('receipts', async (job) => {
  await sendReceipt(job.data.email, job.data.html);
}, { connection: { host: 'redis' } });
