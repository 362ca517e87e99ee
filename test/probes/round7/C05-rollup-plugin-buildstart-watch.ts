import chokidar, { type FSWatcher } from 'chokidar';
import type { Plugin } from 'vite';

// Rebuilds when a translation file changes; buildStart runs on every rebuild in watch mode.
export function translations(dir: string): Plugin {
  let watcher: FSWatcher | undefined;
  return {
    name: 'translations',
    buildStart() {
      if (watcher) return;
      watcher = chokidar.watch(`${dir}/**/*.json`, { ignoreInitial: true });
      watcher.on('change', (file) => this.addWatchFile(file));
    },
    async closeBundle() {
      await watcher?.close();
      watcher = undefined;
    },
  };
}
