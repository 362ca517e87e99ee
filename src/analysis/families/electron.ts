import type { Family, Repetition } from './family';
import { emitterListenerStarts, emitterRemovals } from './family';

const ipcCall: Repetition = { every: 'on every call of this IPC channel', unit: 'call' };

/**
 * Electron's main-process IPC: `ipcMain` is one emitter for the app's life. `handle(channel, fn)`
 * runs `fn` on every `invoke` from a renderer, as an `on(channel, fn)` listener runs on every `send`:
 * what either starts per call and does not end piles up while the app runs.
 *
 * ```ts
 * ipcMain.handle('folder:follow', (event, dir) => { fs.watch(dir, onChange); }); // ← one more watcher per call
 * ```
 */
export const electron = {
  name: 'electron',
  objects: {
    electronIpcMain: {
      label: 'Electron IPC',
      starts: emitterListenerStarts,
      removeListener: emitterRemovals,
      endSubscription: [],
      close: [],
      fixRemoveListener: 'off',
      schedulers: { handle: { repetition: ipcCall, positions: [1] } },
    },
  },
  modules: { electron: { instances: { ipcMain: 'electronIpcMain' }, types: { IpcMain: 'electronIpcMain' } } },
} as const satisfies Family;
