import chokidar from 'chokidar';
import cron from 'node-cron';

async function waitForFile(dir: string, timeoutMs: number): Promise<string | undefined> {
  const watcher = chokidar.watch(dir, { ignoreInitial: true });
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<string | undefined>((resolve) => {
      watcher.once('add', (path: string) => resolve(path));
      timer = setTimeout(() => resolve(undefined), timeoutMs);
    });
  } finally {
    clearTimeout(timer);
    await watcher.close();
  }
}

cron.schedule('*/10 * * * *', async () => {
  const dir = `/srv/inbox/${new Date().toISOString().slice(0, 10)}`;
  const file = await waitForFile(dir, 60_000);
  if (file) console.log('import', file);
});
