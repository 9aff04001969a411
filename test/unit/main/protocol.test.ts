import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { protocol } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME,
  registerAppProtocol,
  registerAppScheme,
  resolveAppPath,
  serveAppFile,
} from '../../../electron/main/protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { useTempDir } from '../../support/temp';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

const root = path.resolve('/srv/tremplin/renderer');

function insideRoot(file: string | null): boolean {
  return file?.startsWith(root + path.sep) === true;
}

describe('resolveAppPath', () => {
  it('maps app://tremplin/ paths into the renderer folder', () => {
    expect(resolveAppPath(root, 'app://tremplin/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://tremplin/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://tremplin/assets/index-abc.js?v=1#x')).toBe(
      path.join(root, 'assets', 'index-abc.js'),
    );
  });

  it('never leaves the root, whatever the dots, encodings or slashes', () => {
    const attempts = [
      'app://tremplin/../../etc/passwd',
      'app://tremplin/%2e%2e/%2E%2E/etc/passwd',
      'app://tremplin/..%2f..%2fetc%2fpasswd',
      'app://tremplin/assets/..%2f..%2f..%2fetc%2fpasswd',
      'app://tremplin/%2fetc%2fpasswd',
      'app://tremplin//etc/passwd',
      'app://tremplin/..%5c..%5cwindows%5cwin.ini',
      'app://tremplin/C:%5cWindows%5cwin.ini',
    ];
    for (const url of attempts) {
      const file = resolveAppPath(root, url);
      expect(file === null || insideRoot(file), `${url} -> ${file}`).toBe(true);
    }
    expect(resolveAppPath(root, 'app://tremplin/..%2f..%2fetc%2fpasswd')).toBeNull();
  });

  it('refuses other hosts, schemes, credentials, bad encodings and NUL bytes', () => {
    for (const url of [
      'app://evil/index.html',
      'app://tremplin.evil.example/index.html',
      'app://tremplin:8080/index.html',
      'app://user@tremplin/index.html',
      'file:///etc/passwd',
      'https://tremplin/index.html',
      'app://tremplin/%E0%A4%A',
      'app://tremplin/index.html%00.png',
      '/etc/passwd',
      'not a url',
    ]) {
      expect(resolveAppPath(root, url), url).toBeNull();
    }
  });
});

describe('serveAppFile', () => {
  const tempDir = useTempDir();

  function site() {
    const dir = tempDir();
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Tremplin</title>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(dir, 'secret.txt'), 'SECRET');
    return rendererDir;
  }

  it('serves files with their content type and the CSP header', async () => {
    const rendererDir = site();
    const page = await serveAppFile(rendererDir, new Request('app://tremplin/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Tremplin</title>');

    const script = await serveAppFile(rendererDir, new Request('app://tremplin/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404, with the CSP header, for anything outside the root or missing', async () => {
    const rendererDir = site();
    for (const url of [
      'app://tremplin/..%2fsecret.txt',
      'app://tremplin/../secret.txt',
      'app://tremplin/%2e%2e/secret.txt',
      'app://tremplin/missing.js',
      'app://tremplin/assets',
      'app://other/index.html',
    ]) {
      const response = await serveAppFile(rendererDir, new Request(url));
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('SECRET');
    }
  });

  it('only answers GET and HEAD', async () => {
    const response = await serveAppFile(site(), new Request('app://tremplin/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app: as a standard, secure scheme with fetch support', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });

  it('handles the app scheme with the file server', async () => {
    registerAppProtocol(root);
    const [scheme, handler] = vi.mocked(protocol.handle).mock.calls[0] ?? [];
    expect(scheme).toBe(APP_SCHEME);
    const response = await handler?.(new Request('app://tremplin/..%2f..%2fetc%2fpasswd'));
    expect(response?.status).toBe(404);
    expect(response?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
