/**
 * One writer per library. A writer holds `<library>/lock`, a file created exclusively that
 * names its process (pid, machine, and when the process started); a second writer is refused
 * with the holder's pid. A lock whose process is gone (a crash, a kill) is taken over, and so
 * is one whose pid now belongs to another process (pids are reused after a reboot or a
 * crash): its start differs from the one the lock recorded (process-start.ts). Readers never
 * take the lock.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import { open, readFile, rm } from 'node:fs/promises';
import { CuttingsError } from '../../../common/errors';
import { ownProcessStart, processStart, sameProcessStart, type ProcessStart } from './process-start';

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
  /** When the holder started (process-start.ts); absent in locks from before it was kept. */
  start?: ProcessStart;
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
  const start = await ownProcessStart();
  const content: LockContent = { pid: process.pid, host: hostname(), since: new Date().toISOString(), ...(start ? { start } : {}) };
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
    if (holder && (holder.host !== hostname() || (await isHeld(holder, start)))) throw new LibraryLockedError(libraryPath, holder.pid);
    // The holder is gone, its pid is another process's now, or the file is half-written by a
    // writer that died: take it over.
    await rm(path, { force: true });
  }
  throw new CuttingsError('library', `library: could not take the lock ${path}`);
}

/**
 * True while the process a lock of this machine names still holds it: it is alive and, when
 * the lock recorded its start, it is the process that started then. A start that cannot be
 * read (no permission, no `ps`) is given the benefit of the doubt: the lock holds.
 */
async function isHeld(holder: LockContent, ownStart: ProcessStart | null): Promise<boolean> {
  // Our own pid: this very process (a second open), unless the lock is an older process's that had our pid.
  if (holder.pid === process.pid) return !holder.start || !ownStart || sameProcessStart(holder.start, ownStart) !== false;
  if (!isAlive(holder.pid)) return false;
  if (!holder.start) return true;
  const current = await processStart(holder.pid);
  return current === null || sameProcessStart(holder.start, current) !== false;
}

async function readLock(path: string): Promise<LockContent | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockContent>;
    if (typeof parsed.pid !== 'number') return null;
    const start = typeof parsed.start === 'string' ? { start: parsed.start } : {};
    return { pid: parsed.pid, host: String(parsed.host ?? ''), since: String(parsed.since ?? ''), ...start };
  } catch {
    return null;
  }
}
