import { readFileSync } from 'node:fs';
import { contextBridge, ipcRenderer } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL } from '../../../shared/ipc';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

function importsOf(file: string): string[] {
  const source = readFileSync(new URL(file, import.meta.url), 'utf8');
  return [...source.matchAll(/^\s*import\s[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1] ?? '');
}

describe('preload', () => {
  it('exposes exactly one key, tremplin, holding exactly one function, invoke', async () => {
    await import('../../../electron/preload/index');
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, bridge] = vi.mocked(contextBridge.exposeInMainWorld).mock.calls[0] ?? [];
    expect(key).toBe('tremplin');
    expect(Object.keys(bridge as object)).toEqual(['invoke']);
    expect(bridge).not.toBe(ipcRenderer);

    const invoke = (bridge as { invoke: (...args: unknown[]) => Promise<unknown> }).invoke;
    expect(typeof invoke).toBe('function');
    await expect(invoke('candidates.list', { query: 'a' }, 'extra argument')).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNEL, 'candidates.list', { query: 'a' });
  });

  it('imports only electron and the IPC contract, so the sandboxed bundle stays tiny', () => {
    expect(importsOf('../../../electron/preload/index.ts')).toEqual(['electron', '../../shared/ipc']);
    expect(importsOf('../../../shared/ipc.ts')).toEqual([]);
  });
});
