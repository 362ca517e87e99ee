import { app, BrowserWindow, ipcMain } from 'electron';
import { watch, type FSWatcher } from 'node:fs';

const following = new Map<number, FSWatcher>();

// The renderer asks to follow a folder (each time the user opens one); changes are sent back.
// A window follows one folder at a time, until it is closed.
ipcMain.handle('folder:follow', (event, dir: string) => {
  const id = event.sender.id;
  const previous = following.get(id);
  if (previous) previous.close();
  else
    event.sender.once('destroyed', () => {
      following.get(id)?.close();
      following.delete(id);
    });
  following.set(
    id,
    watch(dir, { recursive: true }, (eventType, file) => {
      event.sender.send('folder:changed', { eventType, file });
    }),
  );
  return true;
});

void app.whenReady().then(() => new BrowserWindow().loadFile('index.html'));
