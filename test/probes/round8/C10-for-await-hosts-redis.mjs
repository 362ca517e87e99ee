import fs from 'node:fs';
import readline from 'node:readline';
import cron from 'node-cron';
import { Redis } from 'ioredis';

// Every minute, ping each cache host listed in hosts.txt and record which ones answer.
const up = new Map();

cron.schedule('* * * * *', async () => {
  const lines = readline.createInterface({ input: fs.createReadStream('hosts.txt') });
  for await (const host of lines) {
    if (!host.trim()) continue;
    const probe = new Redis({ host, connectTimeout: 2_000, maxRetriesPerRequest: 0 });
    try {
      up.set(host, await probe.ping().then(() => true, () => false));
    } finally {
      probe.disconnect();
    }
  }
});
