import chokidar from 'chokidar';
import type { Plugin } from 'vite';

// Rebuilds when a translation file changes; buildStart runs on every rebuild in watch mode.
export function translations(dir: string): Plugin {
  return {
    name: 'translations',
    buildStart() {
      const watcher = chokidar.watch(`${dir}/**/*.json`, { ignoreInitial: true });
      watcher.on('change', (file) => this.addWatchFile(file));
    },
  };
}
