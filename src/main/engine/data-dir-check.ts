import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DATABASE_FILE } from './store/database';

/** A data directory Hookscope cannot use; the message is one sentence saying what to do. */
export class DataDirError extends Error {
  override readonly name = 'DataDirError';
}

const CHOOSE = 'choose another with --data-dir (or HOOKSCOPE_DATA_DIR)';

/** What an errno means for a place Hookscope must write to, in words. */
function problem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'it is on a read-only file system';
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'ENOTDIR') return 'a part of its path is a file, not a directory';
  if (code === 'ENOENT') return 'a part of its path does not exist and cannot be created (a read-only or missing mount?)';
  return (error as Error).message;
}

/**
 * A recursive mkdir on a read-only file system fails with ENOENT (the first missing directory
 * cannot be made), which reads as "no such file": ask the nearest existing parent why instead.
 */
function whyNotCreated(dataDir: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return error;
  let parent = dirname(dataDir);
  while (!existsSync(parent) && dirname(parent) !== parent) parent = dirname(parent);
  try {
    accessSync(parent, constants.W_OK);
  } catch (cause) {
    return cause;
  }
  return error;
}

/**
 * Checks, before the database opens, that the data directory exists or can be made and that
 * Hookscope can write there and to its files. Without this, an unwritable history starts
 * "healthy" and then answers every webhook 500 SQLITE_READONLY.
 */
export function checkDataDir(dataDir: string): void {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw new DataDirError(`The data directory ${dataDir} is a file, not a directory; ${CHOOSE}.`);
  }
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new DataDirError(`The data directory ${dataDir} cannot be created: ${problem(whyNotCreated(dataDir, error))}; ${CHOOSE}.`);
  }
  const probe = join(dataDir, `.hookscope-write-check-${process.pid}`);
  try {
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new DataDirError(`The data directory ${dataDir} cannot be written: ${problem(error)}; fix its permissions or ${CHOOSE}.`);
  }
  for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) {
    const file = join(dataDir, name);
    if (!existsSync(file)) continue;
    try {
      accessSync(file, constants.W_OK);
      // access() answers for the permission bits; an immutable file or a read-only mount only
      // shows when it is opened for writing.
      writeFileSync(file, '', { flag: 'a' });
    } catch (error) {
      throw new DataDirError(`${file} cannot be written: ${problem(error)}; fix its permissions or ${CHOOSE}.`);
    }
  }
}
