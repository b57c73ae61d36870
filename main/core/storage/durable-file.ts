/**
 * Writes that survive a crash or a power cut. lowdb's default writer (steno) renames a
 * temporary file into place but never fsyncs, so after a power cut the file can be empty.
 * Here: write a temporary file beside the target → fsync it → rename it over the target →
 * fsync the folder, so that both the bytes and the rename are on disk before we return.
 */
import { open, rename, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { firstFailure, settleAtMost } from '../../../common/settle-at-most';

let counter = 0;

/** Writes `data` to `path` atomically and durably; resolves only once it is on disk. */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  await writeDurablyWith(path, (file) => file.writeFile(data));
}

/**
 * Like writeFileDurably, for a file too large to hold in memory at once: `write` writes the
 * temporary file through its handle piece by piece (the search snapshot), and it is then
 * fsynced, renamed over `path` and its folder fsynced. If `write` throws, `path` is untouched
 * and the temporary file removed.
 */
export async function writeDurablyWith(path: string, write: (file: FileHandle) => Promise<void>): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    const file = await open(temp, 'w');
    try {
      await write(file);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Fsyncs a folder so that names created or renamed in it are durable. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; NTFS journals renames, so skipping is safe there.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** How many files writeFilesDurably makes at once, each made from its data as it goes. */
const WRITE_CONCURRENCY = 16;

/**
 * Writes many files atomically and durably with one flush: every temporary file is written,
 * the file system is synced once (syncMany), then each is renamed over its target and the
 * folders are fsynced. Each file is either old or new after a crash, never half-written.
 * A file's data may be a function that makes it: it is called when the file is written, a
 * few at a time, so that only those few are in memory at once (a bulk import writes every
 * catalog shard). Throws if nothing could be written; otherwise resolves to the errors of
 * the renames that failed, by index (an empty map when all went well), so the caller knows
 * which stand.
 */
export async function writeFilesDurably(files: [path: string, data: string | Uint8Array | (() => Promise<string | Uint8Array>)][]): Promise<Map<number, unknown>> {
  const temps = files.map(([path]) => join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`));
  try {
    // Every write runs to its end even when one fails, so that no temporary file is made after the clean-up below.
    const outcomes = await settleAtMost(files, WRITE_CONCURRENCY, async ([, data], i) => writeFile(temps[i]!, typeof data === 'function' ? await data() : data));
    const failure = firstFailure(outcomes);
    if (failure) throw failure.reason;
    if (temps.length > 0) await syncMany(dirname(temps[0]!), temps);
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    throw error;
  }
  const renamed = await Promise.allSettled(files.map(([path], i) => rename(temps[i]!, path)));
  const failed = new Map<number, unknown>();
  renamed.forEach((outcome, i) => {
    if (outcome.status === 'rejected') failed.set(i, outcome.reason);
  });
  await Promise.all([...failed.keys()].map((i) => rm(temps[i]!, { force: true }).catch(() => undefined)));
  for (const folder of new Set(files.map(([path]) => dirname(path)))) await syncFolder(folder);
  return failed;
}

/**
 * Makes many files written without fsync durable at once, for bulk imports: on Linux one
 * `sync -f` flushes the whole file system (one call instead of one fsync per file); elsewhere,
 * or if that fails, each file and its folder is fsynced.
 */
export async function syncMany(root: string, files: string[]): Promise<void> {
  if (process.platform === 'linux') {
    const { execFile } = await import('node:child_process');
    const synced = await new Promise<boolean>((resolve) => {
      execFile('sync', ['-f', root], (error) => resolve(!error));
    });
    if (synced) return;
  }
  const folders = new Set<string>();
  const outcomes = await settleAtMost(files, 8, async (path) => {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    // The file's folder and the folder above it (a new article folder) hold new names too.
    folders.add(dirname(path));
    folders.add(dirname(dirname(path)));
  });
  const failure = firstFailure(outcomes);
  if (failure) throw failure.reason;
  for (const folder of folders) await syncFolder(folder);
}
