import rule from '../../../rules/no-repeated-subscription';
import { runInBothModes } from '../../ruleTester';

// Objects a module exports, one per process: Electron's `ipcMain`, whose `handle(channel, fn)` runs
// `fn` on every `invoke`, and a worker's `parentPort`, whose 'message's are its parent's requests.
// Known by import, with or without types (and with `?.`).
runInBothModes('no-repeated-subscription: objects a module exports', rule, {
  valid: [
    // one watcher per window, the previous one closed first
    `
import { ipcMain } from 'electron';
import { watch, type FSWatcher } from 'node:fs';

const following = new Map<number, FSWatcher>();
ipcMain.handle('folder:follow', (event, dir: string) => {
  following.get(event.sender.id)?.close();
  following.set(event.sender.id, watch(dir, () => event.sender.send('folder:changed')));
  return true;
});
`,
    // the previous watcher closed before the next is made
    `
import { parentPort } from 'node:worker_threads';
import chokidar from 'chokidar';

let watcher: chokidar.FSWatcher | undefined;
parentPort?.on('message', async (dir: string) => {
  await watcher?.close();
  watcher = chokidar.watch(dir);
  watcher.on('all', (event, file) => parentPort?.postMessage({ event, file }));
});
`,
    // a handler that starts nothing
    `
import { ipcMain } from 'electron';
ipcMain.handle('ping', () => 'pong');
`,
  ],
  invalid: [
    {
      code: `
import { ipcMain } from 'electron';
import { watch } from 'node:fs';

ipcMain.handle('folder:follow', (event, dir: string) => {
  watch(dir, () => event.sender.send('folder:changed'));
  return true;
});
`,
      errors: [
        {
          messageId: 'repeatedStart',
          data: { code: 'watch(…)', every: 'on every call of this IPC channel', started: 'file watcher' },
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 8,
        },
      ],
    },
    {
      code: `
import { parentPort } from 'node:worker_threads';
import chokidar from 'chokidar';

parentPort?.on('message', (dir: string) => {
  const watcher = chokidar.watch(dir);
  watcher.on('all', (event, file) => parentPort?.postMessage({ event, file }));
});
`,
      errors: [{ messageId: 'repeatedStart', line: 6, column: 19, endLine: 6, endColumn: 33 }],
    },
  ],
});
