import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Dispatch } from '../../../electron/api/router';
import { registerIpc } from '../../../electron/main/ipc';
import { IPC_CHANNEL } from '../../../shared/ipc';
import { MAX_REQUEST_BYTES, REQUEST_TOO_LARGE } from '../../../shared/transport';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

function registered(devServerUrl?: string) {
  const dispatch = vi.fn<Dispatch>(async () => ({ ok: true, value: 'done' }));
  const ipcMain = { handle: vi.fn() };
  registerIpc(ipcMain as unknown as IpcMain, dispatch, devServerUrl);
  const [channel, listener] = ipcMain.handle.mock.calls[0] ?? [];
  expect(channel).toBe(IPC_CHANNEL);
  const call = (senderFrame: FakeFrame | null, method: unknown, input: unknown) =>
    (listener as (event: unknown, method: unknown, input: unknown) => Promise<unknown>)({ senderFrame }, method, input);
  return { dispatch, call };
}

const appFrame: FakeFrame = { url: 'app://tremplin/index.html', parent: null };
const unauthorized = { ok: false, error: { code: 'unauthorized', message: 'errors.unauthorized' } };

describe('IPC sender check', () => {
  it('dispatches calls from the app page', async () => {
    const { dispatch, call } = registered();
    expect(await call(appFrame, 'candidates.list', { query: 'x' })).toEqual({ ok: true, value: 'done' });
    expect(dispatch).toHaveBeenCalledExactlyOnceWith('candidates.list', { query: 'x' });
  });

  it('refuses a foreign page, a sub-frame and a missing frame without dispatching', async () => {
    const { dispatch, call } = registered();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const senders: (FakeFrame | null)[] = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/page.html', parent: null },
      { url: 'app://tremplin/index.html', parent: appFrame },
      { url: 'http://localhost:5173/', parent: null },
      null,
    ];
    for (const sender of senders) {
      expect(await call(sender, 'candidates.list', {})).toEqual(unauthorized);
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('trusts the dev server page only when running on it', async () => {
    const { dispatch, call } = registered('http://localhost:5173');
    await call({ url: 'http://localhost:5173/', parent: null }, 'candidates.list', {});
    expect(dispatch).toHaveBeenCalledOnce();
  });

  it('refuses a method that is not a string', async () => {
    const { dispatch, call } = registered();
    for (const method of [['candidates.get'], 42, null, { toString: () => 'candidates.get' }]) {
      expect(await call(appFrame, method, {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('IPC request size', () => {
  it('passes a partner file the preview host would take, and refuses one over its limit, without dispatching, as the host does', async () => {
    const { dispatch, call } = registered();
    const megabyte = Buffer.alloc(1024 * 1024, 'A').toString('latin1');
    const twoMegabytes = { fileName: 'lyon.tremplin', content: megabyte.repeat(2) };
    expect(await call(appFrame, 'exchange.openImport', twoMegabytes)).toEqual({ ok: true, value: 'done' });
    // Over the limit in parts: as many bytes to count, little to hold.
    const overLimit = { fileName: 'lyon.tremplin', content: Array<string>(Math.ceil(MAX_REQUEST_BYTES / megabyte.length)).fill(megabyte) };
    expect(await call(appFrame, 'exchange.openImport', overLimit)).toEqual(REQUEST_TOO_LARGE);
    expect(dispatch).toHaveBeenCalledOnce();
  });
});
