/**
 * Writes that survive a crash or a power cut. lowdb's default writer (steno) renames a
 * temporary file into place but never fsyncs, so after a power cut the file can be empty.
 * Here: write a temporary file beside the target → fsync it → rename it over the target →
 * fsync the folder, so that both the bytes and the rename are on disk before we return.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Writes `data` to `path` atomically and durably; resolves only once it is on disk. */
export async function writeFileDurably(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    const file = await open(temp, 'w');
    try {
      await file.writeFile(data);
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
