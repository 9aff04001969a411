import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';

type Listener = (...args: never[]) => unknown;

/** Something with `on(name, listener)` whose listeners a test can call by name. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on = vi.fn((name: string, listener: Listener) => {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
    return this;
  });

  once = this.on;

  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (...args: unknown[]) => unknown)(...args);
  }
}

export class FakeWindow extends FakeEmitter {
  static created: FakeWindow[] = [];
  loadURL = vi.fn(() => Promise.resolve());
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  isMinimized = vi.fn(() => false);
  isDestroyed = vi.fn(() => false);
  readonly webContents = new FakeWebContents();

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeWindow.created.push(this);
  }
}

/** The parts of the `electron` module the binding uses; fresh vi.fn()s on every call. */
export function electronMock() {
  FakeWindow.created = [];
  const app = Object.assign(new FakeEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn(() => '/home/someone/.config/Tremplin'),
    getAppPath: vi.fn(() => '/opt/Tremplin/resources/app.asar'),
    getLocale: vi.fn(() => 'fr-FR'),
  });
  return {
    app,
    BrowserWindow: FakeWindow,
    contextBridge: { exposeInMainWorld: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBoxSync: vi.fn(() => 0) },
    ipcMain: { handle: vi.fn() },
    Menu: { buildFromTemplate: vi.fn((template: unknown[]) => ({ template })), setApplicationMenu: vi.fn() },
    ipcRenderer: { invoke: vi.fn(() => Promise.resolve('answer')) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => false),
      getSelectedStorageBackend: vi.fn(() => 'basic_text'),
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
    session: { defaultSession: fakeSession() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
}

export function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  };
}

export class FakeWebContents extends FakeEmitter {
  setWindowOpenHandler = vi.fn();

  /** Emits a cancellable event the way Electron does; true when a listener prevented it. */
  emitCancellable(name: string, params: object = {}): boolean {
    let prevented = false;
    this.emit(name, { ...params, preventDefault: () => (prevented = true) });
    return prevented;
  }
}
