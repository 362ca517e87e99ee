import { app, BrowserWindow, ipcMain } from 'electron';
import { watch } from 'node:fs';

// The renderer asks to follow a folder (each time the user opens one); changes are sent back.
ipcMain.handle('folder:follow', (event, dir: string) => {
  watch(dir, { recursive: true }, (eventType, file) => {
    event.sender.send('folder:changed', { eventType, file });
  });
  return true;
});

void app.whenReady().then(() => new BrowserWindow().loadFile('index.html'));
