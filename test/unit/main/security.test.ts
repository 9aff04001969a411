import { type Session, type WebContents, app, shell } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  hardenAllWebContents,
  hardenSession,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
} from '../../../electron/main/security';
import { type FakeEmitter, FakeWebContents, fakeSession } from '../../support/electron-mock';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

beforeEach(() => vi.clearAllMocks());

function hardened(devServerUrl?: string): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, devServerUrl);
  return contents;
}

function openWindow(contents: FakeWebContents, url: string): unknown {
  const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (details: { url: string }) => unknown;
  return handler({ url });
}

describe('predicates', () => {
  it('isAppUrl accepts only app://tremplin (and the dev server when given)', () => {
    expect(isAppUrl('app://tremplin/')).toBe(true);
    expect(isAppUrl('app://tremplin/index.html#/candidates')).toBe(true);
    for (const url of [
      'app://evil/',
      'app://tremplin.evil.example/',
      'app://user@tremplin/',
      'https://evil.example/',
      'file:///etc/passwd',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'about:blank',
      'nonsense',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
  });

  it('isSafeExternalUrl accepts only http(s) without credentials', () => {
    expect(isSafeExternalUrl('https://www.france-travail.fr/')).toBe(true);
    expect(isSafeExternalUrl('http://example.org/page?q=1')).toBe(true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'tremplin://x',
      'app://tremplin/',
      'mailto:someone@example.org',
      'https://user:pass@evil.example/',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false);
    }
  });
});

describe('hardenWebContents', () => {
  it('blocks navigation away from the app, allows navigation inside it', () => {
    const contents = hardened();
    expect(contents.emitCancellable('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitCancellable('will-navigate', { url: 'file:///etc/passwd' })).toBe(true);
    expect(contents.emitCancellable('will-navigate', { url: 'app://tremplin/' })).toBe(false);
  });

  it('blocks redirects away from the app', () => {
    const contents = hardened();
    expect(contents.emitCancellable('will-redirect', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.emitCancellable('will-redirect', { url: 'app://tremplin/index.html' })).toBe(false);
  });

  it('allows the dev server origin only when one is given', () => {
    expect(hardened('http://localhost:5173').emitCancellable('will-navigate', { url: 'http://localhost:5173/' })).toBe(
      false,
    );
    expect(hardened().emitCancellable('will-navigate', { url: 'http://localhost:5173/' })).toBe(true);
  });

  it('denies every window.open and opens only http(s) links in the browser', () => {
    const contents = hardened();
    expect(openWindow(contents, 'https://www.france-travail.fr/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.france-travail.fr/');

    vi.mocked(shell.openExternal).mockClear();
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://tremplin/']) {
      expect(openWindow(contents, url)).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a webview', () => {
    expect(hardened().emitCancellable('will-attach-webview')).toBe(true);
  });

  it('applies to every web contents Electron creates', () => {
    hardenAllWebContents();
    const contents = new FakeWebContents();
    (app as unknown as FakeEmitter).emit('web-contents-created', {}, contents);
    expect(contents.emitCancellable('will-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
  });
});

describe('hardenSession', () => {
  function hardenedSession(devServerUrl?: string) {
    const session = fakeSession();
    hardenSession(session as unknown as Session, devServerUrl);
    return session;
  }

  it('denies every permission request and check', () => {
    const session = hardenedSession();
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check({}, permission, 'app://tremplin')).toBe(false);
    }
  });

  it('adds no header rewriting in production; in dev, only for the dev server', () => {
    expect(hardenedSession().webRequest.onHeadersReceived).not.toHaveBeenCalled();
    const dev = hardenedSession('http://localhost:5173');
    expect(dev.webRequest.onHeadersReceived).toHaveBeenCalledWith(
      { urls: ['http://localhost:5173/*'] },
      expect.any(Function),
    );
  });
});
