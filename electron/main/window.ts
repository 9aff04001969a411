import path from 'node:path';
import { BrowserWindow, type WebPreferences, app, dialog } from 'electron';
import { mainTranslation } from './locale';
import { APP_ENTRY_URL } from './protocol';

export const WEB_PREFERENCES = {
  preload: path.join(import.meta.dirname, '../preload/index.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // Chromium's spellchecker downloads its dictionaries from Google: the app stays offline.
  spellcheck: false,
  // Electron's checklist: no experimental Chromium features (and no enableBlinkFeatures).
  experimentalFeatures: false,
} as const satisfies WebPreferences;

/** The electron-vite dev server (`npm start`); never honoured in a packaged app. */
export function rendererDevServerUrl(): string | undefined {
  return app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
}

export function createMainWindow(devServerUrl?: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Tremplin',
    // The packaged app has no developer tools (its menu has no entry for them either).
    webPreferences: { ...WEB_PREFERENCES, devTools: !app.isPackaged },
  });
  window.once('ready-to-show', () => window.show());
  // A screen with unsaved changes cancels the unload (beforeunload); Electron then ignores the
  // close without a word. Ask, as a browser does: leaving lets the close (or reload) go on.
  window.webContents.on('will-prevent-unload', (event) => {
    const { leaveGuard } = mainTranslation().common.ui;
    const answer = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: leaveGuard.title,
      message: leaveGuard.title,
      detail: leaveGuard.unsaved,
      buttons: [leaveGuard.stay, leaveGuard.leave],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    if (answer === 1) event.preventDefault();
  });
  window
    .loadURL(devServerUrl ?? APP_ENTRY_URL)
    .catch((error: unknown) => console.error('[window] cannot load the interface', error));
  return window;
}
