import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'tremplin';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The built renderer (out/renderer), beside the main bundle (out/main). */
export const RENDERER_ROOT = path.join(import.meta.dirname, '../renderer');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before `app` is ready: makes `app:` behave like https (origin, fetch, secure context),
 * and lets V8 keep the scripts' compiled code between starts, as it does for https (compiling
 * the renderer's megabyte of JavaScript again was a large part of the window's first render).
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function registerAppProtocol(root: string = RENDERER_ROOT): void {
  protocol.handle(APP_SCHEME, (request) => serveAppFile(root, request));
}

/**
 * The file an `app://tremplin/...` URL names, or null when the URL is foreign or the path
 * (after percent-decoding) would leave `root`.
 */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  const url = URL.parse(requestUrl);
  if (url === null || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  return file.startsWith(base + path.sep) ? file : null;
}

export async function serveAppFile(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'text/plain; charset=utf-8', null);
  const file = resolveAppPath(root, request.url);
  if (file === null) return notFound();
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch {
    return notFound();
  }
  const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  return respond(200, type, request.method === 'HEAD' ? null : new Uint8Array(content));
}

function notFound(): Response {
  return respond(404, 'text/plain; charset=utf-8', 'Not found');
}

function respond(status: number, contentType: string, body: Uint8Array | string | null): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  });
}
