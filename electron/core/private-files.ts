import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';

/**
 * The data folder and every file the app writes there (database, its WAL and SHM, backups,
 * exports) hold personal data about vulnerable people: readable by their owner only, whatever
 * the umask (usually 022, which gives 0755 folders and 0644 files). No effect on Windows, where
 * the user's profile folder already keeps others out.
 */
export const PRIVATE_FOLDER_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates the folder (and its missing parents) owner-only; an existing one is made owner-only too. */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  // Only when it differs: a folder's change of mode is an event for whoever watches it.
  if ((statSync(folder).mode & 0o777) !== PRIVATE_FOLDER_MODE) chmodSync(folder, PRIVATE_FOLDER_MODE);
}

/**
 * Creates the file empty and owner-only before anything writes to it (SQLite gives its WAL and
 * SHM files the database file's mode); an existing one is made owner-only.
 */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
  chmodSync(file, PRIVATE_FILE_MODE);
}

/** Makes these files owner-only where they exist (a WAL or SHM left by an older version). */
export function restrictExistingFiles(files: readonly string[]): void {
  for (const file of files) if (existsSync(file)) chmodSync(file, PRIVATE_FILE_MODE);
}
