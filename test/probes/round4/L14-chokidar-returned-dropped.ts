import chokidar, { type FSWatcher } from 'chokidar';
import cron from 'node-cron';

class InboxImporter {
  constructor(private readonly onFile: (path: string) => void) {}

  watchInbox(dir: string): FSWatcher {
    return chokidar.watch(dir, { ignoreInitial: true }).on('add', (path) => this.onFile(path));
  }
}

const importer = new InboxImporter((path) => console.log('import', path));

cron.schedule('*/10 * * * *', () => {
  const dir = `/srv/inbox/${new Date().toISOString().slice(0, 10)}`;
  importer.watchInbox(dir);
});
