import { describe, expect, it, vi } from 'vitest';
import { devContentSecurityPolicy } from '../../../electron/main/security';
import { CONTENT_SECURITY_POLICY } from '../../../electron/security/csp';

vi.mock('electron', async () => (await import('../../support/electron-mock')).electronMock());

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('Content-Security-Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('allows no remote origin: every source is a keyword or data: for images', () => {
    for (const [name, sources] of policy) {
      for (const source of sources) {
        const allowed = ["'self'", "'none'", ...(name === 'img-src' ? ['data:'] : [])];
        expect(allowed, `${name} ${source}`).toContain(source);
      }
    }
  });

  it('forbids eval everywhere and inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('locks down the defaults, plugins, base and framing', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('relaxes the dev policy only for Vite (inline preamble and its own websocket), never eval', () => {
    const dev = directives(devContentSecurityPolicy('http://localhost:5173'));
    expect(dev.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws://localhost:5173']);
    expect(dev.get('default-src')).toEqual(["'self'"]);
    expect(devContentSecurityPolicy('http://localhost:5173')).not.toContain('eval');
  });
});
