import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PRIVATE_FILE_MODE, makePrivateFolder } from '../core/private-files';
import { type Keyring, parseKeyring, serializeKeyring } from '../formats/keyring';

/**
 * The keyring file beside the database (see formats/keyring.ts): it lives with the file it opens,
 * and is read before the database is, to know whether setup is needed and whose copies exist.
 * Written whole to a temporary file, flushed, then renamed over the old one, so a crash leaves
 * either the old keyring or the new one, never a torn file that locks everyone out.
 */
export const KEYRING_FILE = 'keyring.json';

export function keyringPath(dataDir: string): string {
  return path.join(dataDir, KEYRING_FILE);
}

/** The keyring, or null before setup; throws KeyringError('damaged') on a file that is not one. */
export function readKeyring(dataDir: string): Keyring | null {
  const file = keyringPath(dataDir);
  if (!existsSync(file)) return null;
  return parseKeyring(readFileSync(file));
}

export function writeKeyring(dataDir: string, keyring: Keyring): void {
  makePrivateFolder(dataDir);
  const bytes = serializeKeyring(keyring);
  const temporary = path.join(dataDir, `.${KEYRING_FILE}.${process.pid}-${randomBytes(4).toString('hex')}`);
  const fd = openSync(temporary, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, keyringPath(dataDir));
  syncFolder(dataDir);
}

/** The rename itself reaches the disk only once the folder is flushed (not possible on Windows). */
function syncFolder(dataDir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dataDir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes the keyring written by a setup that failed before the database was made. */
export function removeKeyring(dataDir: string): void {
  rmSync(keyringPath(dataDir), { force: true });
}
