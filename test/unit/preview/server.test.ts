import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/api/backend';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';
import { type PreviewHost, startPreviewHost } from '../../../electron/preview/server';
import { MAX_REQUEST_BYTES, PREVIEW_TOKEN_HEADER, PREVIEW_TOKEN_META, REQUEST_TOO_LARGE } from '../../../shared/transport';
import { contentHash, expectTranslated, ok } from '../../support/api';
import { exportTo, twoPartners, useExchangeBackend } from '../../support/exchange';
import { useBackend, useTempDir } from '../../support/temp';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be set to what a hostile page would send. */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}) {
  return new Promise<Reply>((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('preview host', () => {
  const tempDir = useTempDir();
  const openBackend = useBackend();
  const openExchangeBackend = useExchangeBackend();
  const hosts: PreviewHost[] = [];
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.close();
  });

  async function start(backend?: Backend) {
    const rendererDir = path.join(tempDir(), 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>T</title></head><body></body></html>');
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(rendererDir, 'assets', 'start-j7uSf-VP.js'), 'console.log(2)');
    const served = backend ?? (await openBackend());
    const host = await startPreviewHost({ dispatch: served.dispatch, rendererDir });
    hosts.push(host);
    const api = (method: string, headers: Record<string, string>, body = '{}') =>
      send(`${host.url}api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { host, api, origin: host.url.slice(0, -1), backend: served };
  }

  it('listens on 127.0.0.1 only, with a fresh random token each start', async () => {
    const a = await start();
    const b = await start();
    expect(a.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(a.host.token).toMatch(/^[\w-]{40,}$/);
    expect(a.host.token).not.toBe(b.host.token);
  });

  it('serves the page with the token and the strict CSP', async () => {
    const { host } = await start();
    const page = await send(host.url);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="${PREVIEW_TOKEN_META}" content="${host.token}">`);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await send(`${host.url}assets/app.js`)).headers['content-type']).toContain('javascript');
  });

  it('lets the browser keep the assets named after their content, never the page', async () => {
    const { host } = await start();
    expect((await send(host.url)).headers['cache-control']).toBe('no-store');
    expect((await send(`${host.url}assets/start-j7uSf-VP.js`)).headers['cache-control']).toBe('max-age=31536000, immutable');
    expect((await send(`${host.url}assets/app.js`)).headers['cache-control']).toBe('no-store');
  });

  it('answers API calls that carry the token', async () => {
    const { host, api } = await start();
    const created = await api('candidates.create', { [PREVIEW_TOKEN_HEADER]: host.token }, JSON.stringify({ firstName: 'Hélène', lastName: 'Dupont' }));
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { firstName: 'Hélène' } });
    const invalid = await api('candidates.create', { [PREVIEW_TOKEN_HEADER]: host.token }, '{}');
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses calls without the right token with 401, and writes nothing', async () => {
    const { host, api } = await start();
    const body = JSON.stringify({ firstName: 'Intruder', lastName: 'X' });
    expect((await api('candidates.create', {}, body)).status).toBe(401);
    expect((await api('candidates.create', { [PREVIEW_TOKEN_HEADER]: 'guess' }, body)).status).toBe(401);
    expect((await api('candidates.create', { [PREVIEW_TOKEN_HEADER]: `${host.token.slice(0, -1)}x` }, body)).status).toBe(401);
    const list = await api('candidates.list', { [PREVIEW_TOKEN_HEADER]: host.token });
    expect(JSON.parse(list.body)).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses other origins and other Host names (DNS rebinding)', async () => {
    const { host, api, origin } = await start();
    const withToken = { [PREVIEW_TOKEN_HEADER]: host.token };
    expect((await api('candidates.list', { ...withToken, origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('candidates.list', { ...withToken, origin: 'http://localhost:1' })).status).toBe(403);
    expect((await api('candidates.list', { ...withToken, host: 'evil.example' })).status).toBe(403);
    expect((await send(host.url, { headers: { host: 'evil.example' } })).status).toBe(403);
    expect((await api('candidates.list', { ...withToken, origin })).status).toBe(200);
  });

  it('imports a 2 MB partner file: the host takes every request the contract accepts', async () => {
    const { a, b, amina, cardBatA } = await twoPartners(openExchangeBackend);
    const text = 'Entretien au local, suivi logement et démarches France Travail. '.repeat(80).slice(0, 5000);
    for (let index = 0; index < 440; index++) {
      await ok(a, 'timeline.add', { subjectType: 'candidate', subjectId: amina.id, kind: 'meeting', occurredAt: '2026-02-02', text });
    }
    const sent = await exportTo(a, cardBatA.id, [amina.id]);
    expect(Buffer.from(sent.content, 'base64').length).toBeGreaterThan(2 * 1024 * 1024);

    const { host, api } = await start(b);
    const withToken = { [PREVIEW_TOKEN_HEADER]: host.token };
    const opened = await api('exchange.openImport', withToken, JSON.stringify({ fileName: sent.fileName, content: sent.content }));
    expect(opened.status).toBe(200);
    const preview = JSON.parse(opened.body);
    expect(preview).toMatchObject({ ok: true, value: { counts: { new: 443 } } });
    const applied = await api('exchange.applyImport', withToken, JSON.stringify({ token: preview.value.token }));
    expect(JSON.parse(applied.body)).toMatchObject({ ok: true, value: { written: 443 } });
    expect((await ok(b, 'timeline.list', { subjectType: 'candidate', subjectId: amina.id })).total).toBe(441);
  });

  it('refuses a request over the limit with the translated refusal, and changes nothing', async () => {
    const { host, backend } = await start();
    const before = contentHash(backend);
    // A body one byte over the limit, streamed so that the test holds little of it.
    const head = Buffer.from('{"firstName":"Hélène","lastName":"Dupont","padding":"');
    const tail = Buffer.from('"}');
    const padding = MAX_REQUEST_BYTES + 1 - head.length - tail.length;
    const reply = await new Promise<Reply>((resolve, reject) => {
      const req = request(
        `${host.url}api/candidates.create`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_REQUEST_BYTES + 1), [PREVIEW_TOKEN_HEADER]: host.token } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      const chunk = Buffer.alloc(4 * 1024 * 1024, 'a');
      let left = padding;
      const write = () => {
        while (left > 0) {
          const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
          left -= part.length;
          if (!req.write(part)) return void req.once('drain', write);
        }
        req.end(tail);
      };
      req.write(head);
      write();
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toEqual(REQUEST_TOO_LARGE);
    expectTranslated('errors.too_large');
    expect(contentHash(backend)).toBe(before);
  });

  it('refuses bad JSON, wrong content type and GET on the API', async () => {
    const { host, api } = await start();
    const withToken = { [PREVIEW_TOKEN_HEADER]: host.token };
    expect((await api('candidates.list', withToken, '{not json')).status).toBe(400);
    expect((await api('candidates.list', { ...withToken, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(`${host.url}api/candidates.list`, { headers: withToken })).status).toBe(405);
  });

  it('answers 400 to a malformed request path (bad percent-encoding, not a URL), with or without the token', async () => {
    const { host, api } = await start();
    for (const probe of ['%zz', '%E0%A4%A', 'assets/%', '%C0%AF']) {
      expect((await send(`${host.url}${probe}`)).status, probe).toBe(400);
    }
    const withToken = { [PREVIEW_TOKEN_HEADER]: host.token };
    expect((await api('%E0%A4%A', withToken)).status).toBe(400);
    expect((await api('%zz', withToken)).status).toBe(400);
    const { port } = new URL(host.url);
    const absolute = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.end(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
      let reply = '';
      socket.on('data', (chunk: Buffer) => (reply += chunk.toString()));
      socket.on('close', () => resolve(reply));
    });
    expect(absolute).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('never serves files outside the renderer folder', async () => {
    const { host } = await start();
    for (const probe of ['..%2f..%2fpackage.json', '%2e%2e/%2e%2e/etc/passwd', '..%5c..%5cpackage.json', 'missing.js']) {
      expect((await send(`${host.url}${probe}`)).status, probe).toBe(404);
    }
  });
});
