import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYRING_FILE, readKeyring, writeKeyring } from '../../../electron/db/keyring';
import { type Keyring, KeyringError } from '../../../electron/formats/keyring';
import { useTempDir } from '../../support/temp';

const keyring = (recent: string[]): Keyring => ({ format: 'tremplin-keyring', version: 1, recovery: 'AAAA', accounts: [{ accountId: 'a', name: 'A', wrapped: null }], recent });

describe('the keyring file', () => {
  const tempDir = useTempDir();

  it('is written whole, owner-only, replacing the old one, with no temporary file left', () => {
    const dir = tempDir();
    expect(readKeyring(dir)).toBeNull();
    writeKeyring(dir, keyring([]));
    writeKeyring(dir, keyring(['a']));
    expect(readKeyring(dir)?.recent).toEqual(['a']);
    expect(readdirSync(dir)).toEqual([KEYRING_FILE]);
    if (process.platform !== 'win32') expect(statSync(path.join(dir, KEYRING_FILE)).mode & 0o777).toBe(0o600);
  });

  it('a file cut short or edited into something else is damaged, never read as no keyring', () => {
    const dir = tempDir();
    writeKeyring(dir, keyring([]));
    const file = path.join(dir, KEYRING_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, 40));
    expect(() => readKeyring(dir)).toThrow(KeyringError);
  });
});
