import https from 'node:https';
import { Worker } from 'bullmq';

function postJson(url: string, body: unknown): Promise<number> {
  const agent = new https.Agent({ keepAlive: true, maxSockets: 4 });
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

// Deliver each webhook job to its subscriber.
new Worker(
  'webhooks',
  async (job) => {
    const status = await postJson(job.data.url, job.data.payload);
    if (status >= 400) throw new Error(`subscriber answered ${status}`);
  },
  { connection: { host: '127.0.0.1', port: 6379 } },
);
