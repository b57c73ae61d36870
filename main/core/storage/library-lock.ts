/**
 * One writer per library. A writer holds `<library>/lock`, a file created exclusively that
 * names its process; a second writer is refused with the holder's pid. A lock whose process
 * is gone (a crash, a kill) is taken over. Readers never take the lock.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { open, readFile, rm } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';

/** The library is held by another live process. */
export class LibraryLockedError extends CuttingsError {
  constructor(
    readonly libraryPath: string,
    readonly pid: number,
  ) {
    super('library', `library ${libraryPath} is in use by process ${pid}`);
    this.name = 'LibraryLockedError';
  }
}

/** A held lock; release it when the library closes. */
export interface LibraryLock {
  release(): Promise<void>;
}

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the write lock of the library at `libraryPath`, or throws LibraryLockedError. */
export async function acquireLibraryLock(libraryPath: string): Promise<LibraryLock> {
  const path = join(libraryPath, 'lock');
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx');
      try {
        await file.writeFile(JSON.stringify(content));
        await file.sync();
      } finally {
        await file.close();
      }
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    // A lock from another machine (a synced folder) cannot be checked; trust it.
    if (holder && holder.pid !== process.pid && (holder.host !== hostname() || isAlive(holder.pid))) {
      throw new LibraryLockedError(libraryPath, holder.pid);
    }
    if (holder && holder.pid === process.pid) {
      throw new LibraryLockedError(libraryPath, holder.pid);
    }
    // The holder is dead, or the file is half-written by a writer that died: take it over.
    await rm(path, { force: true });
  }
  throw new CuttingsError('library', `library: could not take the lock ${path}`);
}

async function readLock(path: string): Promise<LockContent | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockContent>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? ''), since: String(parsed.since ?? '') } : null;
  } catch {
    return null;
  }
}
