import { type Session, type WebContents, app, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { APP_HOST, APP_SCHEME } from './protocol';

/**
 * True for the app's own pages: `app://tremplin/...`, or in development the electron-vite
 * dev server's origin when one is given.
 */
export function isAppUrl(url: string, devServerUrl?: string): boolean {
  const parsed = URL.parse(url);
  if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const devServer = devServerUrl === undefined ? null : URL.parse(devServerUrl);
  return devServer !== null && parsed.origin !== 'null' && parsed.origin === devServer.origin;
}

/** Links that may leave the app for the user's browser: http(s) only, without credentials. */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
    parsed.hostname !== '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * Only for the unpackaged app running on the electron-vite dev server: Vite injects an inline
 * React Refresh preamble and `<style>` tags, and pushes updates over a WebSocket, all of which
 * the strict policy forbids. The packaged app never uses this: its pages come from `app://`
 * with CONTENT_SECURITY_POLICY.
 */
export function devContentSecurityPolicy(devServerUrl: string): string {
  const { host } = new URL(devServerUrl);
  const extra: Record<string, string> = {
    'script-src': "'unsafe-inline'",
    'style-src': "'unsafe-inline'",
    'connect-src': `ws://${host}`,
  };
  return CONTENT_SECURITY_POLICY.split('; ')
    .map((directive) => {
      const added = extra[directive.split(' ')[0] ?? ''];
      return added === undefined ? directive : `${directive} ${added}`;
    })
    .join('; ');
}

export function hardenSession(session: Session, devServerUrl?: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  if (devServerUrl !== undefined) {
    const policy = devContentSecurityPolicy(devServerUrl);
    session.webRequest.onHeadersReceived({ urls: [`${new URL(devServerUrl).origin}/*`] }, (details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
    });
  }
}

export function hardenWebContents(contents: WebContents, devServerUrl?: string): void {
  const stayInApp = (event: Electron.Event<{ url: string }>) => {
    if (!isAppUrl(event.url, devServerUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  // No second window ever; a link opened with target=_blank goes to the user's browser.
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => console.error('[security] cannot open link', error));
    }
    return { action: 'deny' };
  });
}

/** Applies hardenWebContents to every web contents, including any created later. */
export function hardenAllWebContents(devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devServerUrl));
}
