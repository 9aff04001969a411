import path from 'node:path';
import { type BrowserWindow, app, dialog, ipcMain, safeStorage, session } from 'electron';
import { type Backend, openBackend } from '../api/backend';
import { DatabaseOpenError } from '../db/open';
import { registerIpc } from './ipc';
import { mainTranslation } from './locale';
import { installApplicationMenu } from './menu';
import { registerAppProtocol, registerAppScheme } from './protocol';
import { hardenAllWebContents, hardenSession } from './security';
import { createMainWindow, rendererDevServerUrl } from './window';

const devServerUrl = rendererDevServerUrl();
let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

app.enableSandbox();
registerAppScheme();

// A second Tremplin would open the same data file: it hands the focus to the first and quits.
if (app.requestSingleInstanceLock()) {
  hardenAllWebContents(devServerUrl);
  app.on('second-instance', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend !== undefined && (mainWindow === undefined || mainWindow.isDestroyed())) {
      mainWindow = createMainWindow(devServerUrl);
    }
  });
  app.on('will-quit', () => {
    backend?.close();
    backend = undefined;
  });
  app.whenReady().then(start).catch(fail);
} else {
  app.quit();
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession, devServerUrl);
  installApplicationMenu();
  backend = await openBackend({
    file: path.join(dataDirectory(), 'tremplin.sqlite'),
    migrationsDir: path.join(app.getAppPath(), 'resources', 'migrations'),
    ...(osKeychainAvailable() ? { osEncryption: safeStorage } : {}),
    dailyBackups: true,
    // The window loads while quick_check reads the file; calls wait for it, a failure ends here.
    checkInBackground: true,
  });
  backend.ready.catch(fail);
  registerIpc(ipcMain, backend.dispatch, devServerUrl);
  registerAppProtocol();
  mainWindow = createMainWindow(devServerUrl);
}

/**
 * userData, or in development a folder named by TREMPLIN_DATA_DIR. The packaged app ignores the
 * variable: whoever can set one would otherwise point it at another database.
 */
function dataDirectory(): string {
  const override = app.isPackaged ? undefined : process.env.TREMPLIN_DATA_DIR;
  return override ? path.resolve(override) : app.getPath('userData');
}

/**
 * safeStorage protects the exchange keys only with a real OS keychain: on Linux without one it
 * falls back to a fixed password ("basic_text"), and the keys then use a passphrase instead.
 */
function osKeychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

/** Start-up failed (a refused database has not been written to): say why, and quit. */
function fail(error: unknown): void {
  console.error('[main] Tremplin cannot start', error);
  backend?.close();
  backend = undefined;
  dialog.showErrorBox('Tremplin', errorMessage(error instanceof DatabaseOpenError ? error.code : 'internal'));
  app.exit(1);
}

/** A file from a newer version says so; every other refusal of the file reads as a damaged one (the key is the keyring's, never typed here). */
function errorMessage(code: DatabaseOpenError['code'] | 'internal'): string {
  return mainTranslation().errors[code === 'internal' || code === 'database_too_new' ? code : 'database_corrupt'];
}

function focusMainWindow(): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}
