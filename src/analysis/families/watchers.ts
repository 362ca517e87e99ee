import type { Family } from './family';
import { repetitions } from './family';

/** File watchers: `fs.watch` until `close()` or `{ signal }`, `fs.watchFile` until `unwatchFile`, chokidar until `close()`. */
export const watchers = {
  name: 'watchers',
  modules: {
    fs: {
      starts: {
        watch: { kind: 'watcher', label: 'a file watcher', signalOption: 'beforeListener' },
        watchFile: { kind: 'watcher', label: 'a file poller', endFunction: 'unwatchFile' },
      },
      // The listener runs on every change: `fs.watch(path, () => reload())`.
      schedulers: {
        watch: { repetition: repetitions.fileChange, positions: ['last'] },
        watchFile: { repetition: repetitions.fileChange, positions: ['last'] },
      },
      // `require('fs').promises.readFile` and `import { promises } from 'fs'` reach `fs/promises`.
      submodules: { promises: 'fs/promises' },
    },
    'fs/promises': {
      takesSignal: { readFile: { options: 1 }, writeFile: { options: 2 }, watch: { options: 1, endless: true } },
    },
    chokidar: {
      starts: {
        watch: { kind: 'watcher', label: 'a chokidar watcher', closeReturnsPromise: true },
        default: { kind: 'watcher', label: 'a chokidar watcher', closeReturnsPromise: true },
      },
    },
  },
  handleEnds: {
    watcher: {
      methods: ['close', 'unwatch'],
      functions: ['unwatchFile'],
      fix: { kind: 'method', name: 'close', returnsPromise: false },
    },
  },
} as const satisfies Family;
