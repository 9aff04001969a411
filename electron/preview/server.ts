import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { MAX_REQUEST_BYTES, PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META, REQUEST_TOO_LARGE } from '../../shared/transport';
import type { Dispatch } from '../api/router';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface PreviewHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
}

export interface PreviewHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser preview: serves the renderer and the API table over HTTP on 127.0.0.1 only.
 * Every API call must carry the secret token generated here (given to the page inside its
 * HTML) and come from this origin; the Host header is checked against DNS rebinding.
 */
export async function startPreviewHost(options: PreviewHostOptions): Promise<PreviewHost> {
  const token = randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  let origin = '';

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[preview] request failed', error);
      if (!response.headersSent) send(response, 500, { error: 'internal' });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse) {
    if (request.headers.host !== new URL(origin).host) return send(response, 403, { error: 'forbidden host' });
    // A request target that is not a URL (`http://[`) or not valid percent-encoding (`/%zz`) is
    // the client's mistake: 400, not a 500.
    const pathname = URL.parse(request.url ?? '/', origin)?.pathname;
    const decoded = pathname === undefined ? null : decodePath(pathname);
    if (pathname === undefined || decoded === null) return send(response, 400, { error: 'malformed path' });
    if (pathname.startsWith('/api/')) return handleApi(request, response, decoded.slice('/api/'.length));
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, { error: 'method' });
    return serveStatic(response, decoded);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string) {
    if (request.method !== 'POST') return send(response, 405, { error: 'method' });
    if (request.headers.origin !== undefined && request.headers.origin !== origin) {
      return send(response, 403, { error: 'forbidden origin' });
    }
    const given = Buffer.from(String(request.headers[PREVIEW_TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBytes.length || !timingSafeEqual(given, tokenBytes)) {
      return send(response, 401, { error: 'unauthorized' });
    }
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(response, 415, { error: 'content type' });
    }
    const body = await readBody(request);
    if (body === null) return send(response, 413, REQUEST_TOO_LARGE);
    let input: unknown;
    try {
      input = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
    } catch {
      return send(response, 400, { error: 'invalid json' });
    }
    return send(response, 200, await options.dispatch(method, input));
  }

  async function serveStatic(response: ServerResponse, pathname: string) {
    const root = path.resolve(options.rendererDir);
    const relative = pathname === '/' ? 'index.html' : pathname.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return send(response, 404, { error: 'not found' });
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(response, 404, { error: 'not found' });
    }
    const extension = path.extname(file);
    if (extension === '.html') {
      const meta = `<meta name="${PREVIEW_TOKEN_META}" content="${token}">`;
      content = Buffer.from(content.toString('utf8').replace('<head>', `<head>\n    ${meta}`));
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      // The build names each asset after its content: the browser may keep it, and V8 its
      // compiled code, as the app's window does. Not the page, which carries this run's token.
      'cache-control': isHashedAsset(relative) ? 'max-age=31536000, immutable' : 'no-store',
      'referrer-policy': 'no-referrer',
    });
    response.end(content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function send(response: ServerResponse, status: number, body: unknown) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

/** `assets/<name>-<hash>.<ext>`: what the build writes, named after its content. */
function isHashedAsset(relative: string): boolean {
  return /^assets\/[^/]+-[\w-]{8}\.(?:js|css)$/.test(relative);
}

function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return null;
  }
}

/**
 * The request body, or null when it passes MAX_REQUEST_BYTES. A body too large is still read to
 * its end, and dropped, so that the client, still sending, gets the refusal rather than a reset;
 * one announced too large is not kept at all.
 */
async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  let tooLarge = Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    tooLarge ||= size > MAX_REQUEST_BYTES;
    if (tooLarge) chunks.length = 0;
    else chunks.push(chunk as Buffer);
  }
  return tooLarge ? null : Buffer.concat(chunks);
}
