import { Cron } from 'croner';
import { setTimeout as delay } from 'node:timers/promises';

interface SyncStats { done: number; total: number }

async function syncAccounts(stats: SyncStats): Promise<void> {
  stats.total = 50;
  for (stats.done = 0; stats.done < stats.total; stats.done++) await delay(20);
}

function reportProgress(stats: SyncStats, label: string): NodeJS.Timeout {
  return setInterval(() => console.log(`${label}: ${stats.done}/${stats.total}`), 5_000);
}

// Nightly account sync, with a progress line every 5 s while it runs.
new Cron('0 0 2 * * *', async () => {
  const stats: SyncStats = { done: 0, total: 0 };
  reportProgress(stats, 'account sync');
  await syncAccounts(stats);
  console.log('account sync finished');
});
