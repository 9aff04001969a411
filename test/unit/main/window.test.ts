import path from 'node:path';
import { app, dialog } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WEB_PREFERENCES, createMainWindow, rendererDevServerUrl } from '../../../electron/main/window';
import type { FakeWindow } from '../../support/electron-mock';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

afterEach(() => {
  vi.unstubAllEnvs();
  Object.assign(app, { isPackaged: false });
});

describe('main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on, no experimental or Blink features', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
    expect(WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
    expect(WEB_PREFERENCES.preload.endsWith(path.join('preload', 'index.cjs'))).toBe(true);
  });

  it('creates the window with those preferences and loads the app protocol', () => {
    const window = createMainWindow() as unknown as FakeWindow;
    expect(window.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 640, show: false });
    expect(window.options.webPreferences).toEqual({ ...WEB_PREFERENCES, devTools: true });
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://tremplin/index.html');
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('has developer tools only when the app is not packaged', () => {
    Object.assign(app, { isPackaged: true });
    const window = createMainWindow() as unknown as FakeWindow;
    expect(window.options.webPreferences).toEqual({ ...WEB_PREFERENCES, devTools: false });
  });

  it('asks before a screen with unsaved changes is closed, and closes only when told to leave', () => {
    const window = createMainWindow() as unknown as FakeWindow;
    const ask = vi.mocked(dialog.showMessageBoxSync);
    ask.mockReturnValueOnce(0);
    expect(window.webContents.emitCancellable('will-prevent-unload')).toBe(false);
    expect(ask).toHaveBeenLastCalledWith(
      window,
      expect.objectContaining({ message: 'Quitter cette page ?', buttons: ['Rester sur la page', 'Quitter la page'], defaultId: 0, cancelId: 0 }),
    );
    ask.mockReturnValueOnce(1);
    expect(window.webContents.emitCancellable('will-prevent-unload')).toBe(true);
  });

  it('uses the electron-vite dev server only when the app is not packaged', () => {
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    expect(rendererDevServerUrl()).toBe('http://localhost:5173');
    Object.assign(app, { isPackaged: true });
    expect(rendererDevServerUrl()).toBeUndefined();
  });
});
