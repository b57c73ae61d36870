/**
 * Daily backups of the catalog and the quarantine for damaged files.
 *
 * A backup is `backups/<YYYY-MM-DD>/` holding the catalog shards and cuttings.json as they
 * were at the first write-open of that day. The files are copied, not hard-linked: a link
 * would share the damage if a file were ever changed in place (a sync tool, an editor, a bad
 * disk block). The newest BACKUPS_KEPT days are kept.
 *
 * A shard that does not parse is copied to `quarantine/<time>/` (never overwritten, never
 * deleted); the newest backup of it that parses is where its repair starts (shard-repair.ts).
 */
import { copyFile, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, syncMany, writeFileDurably } from './durable-file';
import { isShardFile } from './shards';

/** How many daily backups are kept. */
export const BACKUPS_KEPT = 7;

const DAY = /^\d{4}-\d{2}-\d{2}$/u;

/** The backups folder of a library. */
export function backupsFolder(root: string): string {
  return join(root, 'backups');
}

/** Names of the backups, newest first. */
export async function listBackups(root: string): Promise<string[]> {
  try {
    return (await readdir(backupsFolder(root))).filter((name) => DAY.test(name)).sort().reverse();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * Makes today's backup if there is none yet, and drops the oldest beyond BACKUPS_KEPT.
 * Returns the new backup's name, or null if today's already existed.
 */
export async function makeDailyBackup(root: string, now = new Date()): Promise<string | null> {
  const today = now.toISOString().slice(0, 10);
  const existing = await listBackups(root);
  if (existing.includes(today)) return null;
  const target = join(backupsFolder(root), today);
  const staging = `${target}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(join(staging, 'catalog'), { recursive: true });
  const shards = (await readdir(join(root, 'catalog')).catch(() => [] as string[])).filter(isShardFile);
  for (const name of shards) {
    await copyFile(join(root, 'catalog', name), join(staging, 'catalog', name));
  }
  await copyFile(join(root, 'cuttings.json'), join(staging, 'cuttings.json'));
  await syncMany(root, [...shards.map((name) => join(staging, 'catalog', name)), join(staging, 'cuttings.json')]);
  // The folder gets its final name only when complete, so a half-made backup is never used.
  await rename(staging, target);
  await syncFolder(backupsFolder(root));
  for (const old of [today, ...existing].slice(BACKUPS_KEPT)) {
    await rm(join(backupsFolder(root), old), { recursive: true, force: true });
  }
  return today;
}

/** A shard's newest backup copy that parses as a shard. */
export interface ShardBackup {
  /** The backup (a date) it comes from. */
  backup: string;
  changeNumber: number;
  articles: Record<string, unknown>;
}

/**
 * Copies a damaged shard into quarantine (never overwritten, never deleted) and returns where.
 * The damaged file stays in place until the repaired shard is renamed over it, so that a crash
 * in the middle of a repair leaves it damaged, to be repaired again, and never an older copy
 * that parses and would hide the changes made since.
 */
export async function quarantineShard(root: string, shard: string, now = new Date()): Promise<string> {
  const quarantine = join(root, 'quarantine', now.toISOString().replace(/[:.]/gu, '-'));
  await mkdir(quarantine, { recursive: true });
  const quarantinedTo = join(quarantine, `${shard}.json`);
  await writeFileDurably(quarantinedTo, await readFile(join(root, 'catalog', `${shard}.json`)));
  return quarantinedTo;
}

/** The newest backup copy of a shard that parses as one, or null when no backup holds one. */
export async function readShardBackup(root: string, shard: string): Promise<ShardBackup | null> {
  for (const backup of await listBackups(root)) {
    try {
      const data = JSON.parse(await readFile(join(backupsFolder(root), backup, 'catalog', `${shard}.json`), 'utf8')) as Partial<ShardBackup> | null;
      if (data && typeof data === 'object' && typeof data.articles === 'object' && data.articles !== null) {
        return { backup, changeNumber: typeof data.changeNumber === 'number' ? data.changeNumber : 0, articles: data.articles };
      }
    } catch {
      // Missing or damaged too: an older backup may do.
    }
  }
  return null;
}
