import chokidar from 'chokidar';
import type { Plugin } from 'vite' with { 'resolution-mode': 'import' };

// Reload the page when a content file changes (outside Vite's module graph).
export function contentReload(dir: string): Plugin {
  return {
    name: 'content-reload',
    configureServer(server) {
      const watcher = chokidar.watch(dir, { ignoreInitial: true });
      watcher.on('all', (_event, file) => {
        server.config.logger.info(`content changed: ${file}`);
        server.ws.send({ type: 'full-reload' });
      });
      server.httpServer?.once('close', () => void watcher.close());
    },
  };
}
