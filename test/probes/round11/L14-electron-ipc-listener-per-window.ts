import { app, BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

function createWindow() {
  const win = new BrowserWindow({ width: 900, height: 700, webPreferences: { preload: path.join(process.cwd(), 'preload.js') } });
  ipcMain.on('save-document', async (event, text: string) => { // LEAK
    const { filePath } = await dialog.showSaveDialog(win);
    if (filePath) await writeFile(filePath, text);
    event.reply('saved', filePath);
  });
  void win.loadFile('index.html');
  return win;
}

app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(); // LEAK (helper)
  });
});
