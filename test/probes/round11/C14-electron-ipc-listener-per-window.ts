import { app, BrowserWindow, dialog, ipcMain, type IpcMainEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

function createWindow() {
  const win = new BrowserWindow({ width: 900, height: 700, webPreferences: { preload: path.join(process.cwd(), 'preload.js') } });
  const onSave = async (event: IpcMainEvent, text: string) => {
    if (event.sender !== win.webContents) return;
    const { filePath } = await dialog.showSaveDialog(win);
    if (filePath) await writeFile(filePath, text);
    event.reply('saved', filePath);
  };
  ipcMain.on('save-document', onSave);
  win.on('closed', () => ipcMain.off('save-document', onSave));
  void win.loadFile('index.html');
  return win;
}

app.whenReady().then(() => {
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
});
