import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../shared/i18n/en.json';
import fr from '../../../shared/i18n/fr.json';
import { IPC_CHANNEL } from '../../../shared/ipc';
import type { FakeEmitter } from '../../support/electron-mock';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());
vi.mock('../../../electron/api/backend', () => ({ openBackend: vi.fn() }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Fresh modules, so electron/main/index runs its start-up again against new mocks. */
async function modules() {
  vi.resetModules();
  const electron = await import('electron');
  const { openBackend } = await import('../../../electron/api/backend');
  const { DatabaseOpenError } = await import('../../../electron/db/open');
  // The window class the code under test constructs (the mocked module's own, whichever copy of
  // test/support/electron-mock it came from), with no windows yet.
  const FakeWindow = electron.BrowserWindow as unknown as typeof import('../../support/electron-mock').FakeWindow;
  FakeWindow.created = [];
  const start = () => import('../../../electron/main/index');
  return { ...electron, openBackend: vi.mocked(openBackend), DatabaseOpenError, FakeWindow, start };
}

describe('start-up', () => {
  it('opens the data file, then wires IPC, the protocol, the session and the window', async () => {
    vi.stubEnv('TREMPLIN_DATA_DIR', 'test-data');
    const m = await modules();
    const backend = { dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() };
    m.openBackend.mockResolvedValue(backend as never);
    await m.start();

    await vi.waitFor(() => expect(m.FakeWindow.created).toHaveLength(1));
    expect(m.openBackend).toHaveBeenCalledExactlyOnceWith({
      file: path.resolve('test-data', 'tremplin.sqlite'),
      migrationsDir: path.join('/opt/Tremplin/resources/app.asar', 'resources', 'migrations'),
      dailyBackups: true,
      checkInBackground: true,
    });
    expect(m.app.enableSandbox).toHaveBeenCalled();
    expect(m.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(m.ipcMain.handle).toHaveBeenCalledWith(IPC_CHANNEL, expect.any(Function));
    expect(m.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(m.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(m.FakeWindow.created[0]?.loadURL).toHaveBeenCalledWith('app://tremplin/index.html');

    const app = m.app as unknown as FakeEmitter;
    app.emit('will-quit');
    expect(backend.close).toHaveBeenCalledOnce();
  });

  it.each([
    ['a keychain', 'gnome_libsecret', true],
    ['only the fixed-password fallback', 'basic_text', false],
  ])('on Linux with %s, exchange keys are protected by it: %s', async (_label, backendName, used) => {
    const platform = Object.getOwnPropertyDescriptor(process, 'platform');
    Object.defineProperty(process, 'platform', { value: 'linux' });
    try {
      const m = await modules();
      vi.mocked(m.safeStorage.isEncryptionAvailable).mockReturnValue(true);
      vi.mocked(m.safeStorage.getSelectedStorageBackend).mockReturnValue(backendName as never);
      m.openBackend.mockResolvedValue({ dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() } as never);
      await m.start();
      await vi.waitFor(() => expect(m.openBackend).toHaveBeenCalled());
      expect(m.openBackend.mock.calls[0]?.[0].osEncryption === m.safeStorage).toBe(used);
    } finally {
      if (platform) Object.defineProperty(process, 'platform', platform);
    }
  });

  it('uses userData when no data folder is given', async () => {
    vi.stubEnv('TREMPLIN_DATA_DIR', '');
    const m = await modules();
    m.openBackend.mockResolvedValue({ dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() } as never);
    await m.start();
    await vi.waitFor(() => expect(m.openBackend).toHaveBeenCalled());
    expect(m.openBackend.mock.calls[0]?.[0].file).toBe(path.join('/home/someone/.config/Tremplin', 'tremplin.sqlite'));
  });

  it('the packaged app ignores TREMPLIN_DATA_DIR and keeps to userData', async () => {
    vi.stubEnv('TREMPLIN_DATA_DIR', '/tmp/elsewhere');
    const m = await modules();
    Object.assign(m.app, { isPackaged: true });
    m.openBackend.mockResolvedValue({ dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() } as never);
    await m.start();
    await vi.waitFor(() => expect(m.openBackend).toHaveBeenCalled());
    expect(m.openBackend.mock.calls[0]?.[0].file).toBe(path.join('/home/someone/.config/Tremplin', 'tremplin.sqlite'));
    Object.assign(m.app, { isPackaged: false });
  });

  it('the packaged app replaces the default menu with one without developer tools; development keeps it', async () => {
    const packaged = await modules();
    Object.assign(packaged.app, { isPackaged: true });
    vi.mocked(packaged.Menu.setApplicationMenu).mockClear();
    packaged.openBackend.mockResolvedValue({ dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() } as never);
    await packaged.start();
    await vi.waitFor(() => expect(packaged.Menu.setApplicationMenu).toHaveBeenCalledOnce());
    const roles = JSON.stringify(vi.mocked(packaged.Menu.buildFromTemplate).mock.calls[0]?.[0]);
    expect(roles).toContain('"editMenu"');
    expect(roles).not.toMatch(/toggleDevTools|viewMenu|reload/i);

    const development = await modules();
    Object.assign(development.app, { isPackaged: false });
    vi.mocked(development.Menu.setApplicationMenu).mockClear();
    development.openBackend.mockResolvedValue({ dispatch: vi.fn(), database: {}, ready: Promise.resolve(), close: vi.fn() } as never);
    await development.start();
    await vi.waitFor(() => expect(development.FakeWindow.created).toHaveLength(1));
    expect(development.Menu.setApplicationMenu).not.toHaveBeenCalled();
  });

  it('refuses a database from a newer version: translated message, exit, no window, no IPC', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const m = await modules();
    vi.mocked(m.app.getLocale).mockReturnValue('en-GB');
    m.openBackend.mockRejectedValue(new m.DatabaseOpenError('database_too_new', 'schema version 9'));
    await m.start();

    await vi.waitFor(() => expect(m.app.exit).toHaveBeenCalledWith(1));
    expect(m.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Tremplin', en.errors.database_too_new);
    expect(m.FakeWindow.created).toHaveLength(0);
    expect(m.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('shows the window while quick_check runs, then refuses a file that fails it: message, exit, data closed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const m = await modules();
    vi.mocked(m.app.getLocale).mockReturnValue('en-GB');
    let failCheck: (error: unknown) => void = () => {};
    const ready = new Promise<void>((_resolve, reject) => {
      failCheck = reject;
    });
    const backend = { dispatch: vi.fn(), database: {}, ready, close: vi.fn() };
    m.openBackend.mockResolvedValue(backend as never);
    await m.start();

    await vi.waitFor(() => expect(m.FakeWindow.created).toHaveLength(1));
    expect(m.app.exit).not.toHaveBeenCalled();
    failCheck(new m.DatabaseOpenError('database_corrupt', 'Tree 12 page 40: btreeInitPage() returns error code 11'));
    await vi.waitFor(() => expect(m.app.exit).toHaveBeenCalledWith(1));
    expect(m.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Tremplin', en.errors.database_corrupt);
    expect(backend.close).toHaveBeenCalledOnce();
  });

  it('falls back to French for a language Tremplin does not have', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const m = await modules();
    vi.mocked(m.app.getLocale).mockReturnValue('de-DE');
    m.openBackend.mockRejectedValue(new m.DatabaseOpenError('database_corrupt', 'not a database'));
    await m.start();

    await vi.waitFor(() => expect(m.app.exit).toHaveBeenCalledWith(1));
    expect(m.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith('Tremplin', fr.errors.database_corrupt);
  });

  it('a second instance quits without opening the data file', async () => {
    const m = await modules();
    vi.mocked(m.app.requestSingleInstanceLock).mockReturnValue(false);
    await m.start();

    expect(m.app.quit).toHaveBeenCalledOnce();
    expect(m.app.whenReady).not.toHaveBeenCalled();
    expect(m.openBackend).not.toHaveBeenCalled();
  });
});
