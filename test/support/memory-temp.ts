import { accessSync, constants, statSync, statfsSync } from 'node:fs';

/** Linux's memory file system, on every distribution. */
const MEMORY_FOLDER = '/dev/shm';
/**
 * Room the tests need there, with a margin: the unit run peaked at 107 MB (sampled each second).
 * A container's /dev/shm is often 64 MB, and a full one would fail tests for no fault of the code.
 */
const ROOM_NEEDED = 512 * 2 ** 20;

/**
 * Points the system's temporary folder (TMPDIR, read by `os.tmpdir()` here and in every process
 * the tests start) at a memory file system when the machine has one with room enough and nobody
 * chose another: the tests' data folders, preview hosts and browser profiles are made there.
 * Each test works on a real SQLite file with `synchronous = FULL`, and on a disk every commit,
 * setup and close waits for its fsync: on this 2-core machine the unit tests took 173 s in memory
 * against 210 s on disk, and 329 s of CPU against 374 s. A process killed by a crash test leaves
 * its file as it would on a disk (the kernel keeps what was written); only a power cut differs,
 * and no test makes one.
 */
export function preferMemoryTempDir(): void {
  if (process.env.TMPDIR) return;
  try {
    accessSync(MEMORY_FOLDER, constants.W_OK);
    const { bavail, bsize } = statfsSync(MEMORY_FOLDER);
    if (statSync(MEMORY_FOLDER).isDirectory() && bavail * bsize >= ROOM_NEEDED) process.env.TMPDIR = MEMORY_FOLDER;
  } catch {
    // No memory file system: the system's temporary folder as it is.
  }
}
