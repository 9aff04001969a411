import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fc, test as propertyTest } from '@fast-check/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  SignatureError,
  exportSigningKey,
  formatPublicKey,
  generateSigningKey,
  importSigningKey,
  keyIdHex,
  parsePublicKey,
  signDetached,
  signatureKeyId,
  verifyDetached,
} from '../../../electron/formats/minisign';
import { useTempDir } from '../../support/temp';

function hasTool(name: string): boolean {
  try {
    execFileSync(name, ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const data = Buffer.from('Un fichier exporté — Hélène Dupont, مرحبا\n', 'utf8');

function reasonOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof SignatureError) return error.reason;
    throw error;
  }
  return 'accepted';
}

describe('minisign-format signatures', () => {
  it('verify their own signature and return the trusted comment', () => {
    const key = generateSigningKey();
    const signature = signDetached(data, key, 'export 42 from Association A');
    expect(verifyDetached(data, signature, key)).toEqual({ trustedComment: 'export 42 from Association A' });
  });

  it('name the key that made them, to find the card to check them with', () => {
    const key = generateSigningKey();
    expect(signatureKeyId(signDetached(data, key, 'export 1')).equals(key.keyId)).toBe(true);
    expect(signatureKeyId('not a signature').equals(key.keyId)).toBe(false);
  });

  it('refuse a changed byte, another key, an edited trusted comment and garbage', () => {
    const key = generateSigningKey();
    const signature = signDetached(data, key, 'export 1');
    const tampered = Buffer.from(data);
    tampered[3] = (tampered[3] ?? 0) ^ 1;
    expect(reasonOf(() => verifyDetached(tampered, signature, key))).toBe('bad_signature');
    expect(reasonOf(() => verifyDetached(data, signature, generateSigningKey()))).toBe('wrong_key');
    // Same key id, other key: a forged signature cannot pass by copying the id.
    const impostor = { ...generateSigningKey(), keyId: key.keyId };
    expect(reasonOf(() => verifyDetached(data, signature, impostor))).toBe('bad_signature');
    expect(reasonOf(() => verifyDetached(data, signature.replace('export 1', 'export 2'), key))).toBe('bad_signature');
    expect(reasonOf(() => verifyDetached(data, 'not a signature', key))).toBe('malformed');
  });

  it('round-trip public keys and stored private keys', () => {
    const key = generateSigningKey();
    const parsed = parsePublicKey(formatPublicKey(key));
    expect(parsed.keyId.equals(key.keyId)).toBe(true);
    const { keyId, pkcs8 } = exportSigningKey(key);
    const reopened = importSigningKey(keyId, pkcs8);
    expect(verifyDetached(data, signDetached(data, reopened, 'x'), parsed)).toEqual({ trustedComment: 'x' });
  });

  propertyTest.prop([fc.uint8Array({ maxLength: 2000 }), fc.string({ maxLength: 200 })], { numRuns: 30 })(
    'any bytes and any one-line comment verify, and never after a flipped bit',
    (bytes, comment) => {
      const key = generateSigningKey();
      const signature = signDetached(bytes, key, comment);
      expect(verifyDetached(bytes, signature, key).trustedComment).toBe(comment.replace(/[\r\n]+/g, ' '));
      const flipped = Buffer.concat([Buffer.from(bytes), Buffer.from([0])]);
      expect(reasonOf(() => verifyDetached(flipped, signature, key))).toBe('bad_signature');
    },
  );

  propertyTest.prop([fc.string({ maxLength: 400 })])('arbitrary signature text is refused as malformed or bad, never accepted', (text) => {
    const key = generateSigningKey();
    expect(['malformed', 'wrong_key', 'bad_signature']).toContain(reasonOf(() => verifyDetached(data, text, key)));
  });
});

// CI installs Debian's minisign; a partner checks our files with it.
describe.skipIf(!hasTool('minisign'))('interoperability with the minisign tool', () => {
  const tempDir = useTempDir();
  let folder = '';
  beforeEach(() => {
    folder = tempDir();
  });

  it('minisign -V accepts our signature and prints our trusted comment', () => {
    const key = generateSigningKey();
    writeFileSync(join(folder, 'export.age'), data);
    writeFileSync(join(folder, 'export.age.minisig'), signDetached(data, key, 'Tremplin export 7'));
    writeFileSync(join(folder, 'partner.pub'), formatPublicKey(key));
    const output = execFileSync('minisign', ['-V', '-p', join(folder, 'partner.pub'), '-m', join(folder, 'export.age')], { encoding: 'utf8' });
    expect(output).toContain('Signature and comment signature verified');
    expect(output).toContain('Tremplin export 7');
    writeFileSync(join(folder, 'export.age'), Buffer.concat([data, Buffer.from('x')]));
    expect(() => execFileSync('minisign', ['-V', '-p', join(folder, 'partner.pub'), '-m', join(folder, 'export.age')], { stdio: 'pipe' })).toThrow();
  });

  it('we accept a signature made by minisign itself', () => {
    execFileSync('minisign', ['-G', '-W', '-f', '-p', join(folder, 'cli.pub'), '-s', join(folder, 'cli.key')], { stdio: 'ignore' });
    writeFileSync(join(folder, 'file.bin'), data);
    execFileSync('minisign', ['-S', '-s', join(folder, 'cli.key'), '-m', join(folder, 'file.bin'), '-t', 'from the CLI'], { stdio: 'ignore' });
    const publicKey = parsePublicKey(readFileSync(join(folder, 'cli.pub'), 'utf8'));
    expect(keyIdHex(publicKey.keyId)).toMatch(/^[0-9A-F]{16}$/);
    const signature = readFileSync(join(folder, 'file.bin.minisig'), 'utf8');
    expect(verifyDetached(data, signature, publicKey)).toEqual({ trustedComment: 'from the CLI' });
  });
});
