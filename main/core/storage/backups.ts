/**
 * Daily backups of the catalog and the quarantine for damaged files.
 *
 * A backup is `backups/<YYYY-MM-DD>/` holding the catalog shards and cuttings.json as they
 * were at the first write-open of that day. The files are copied, not hard-linked: a link
 * would share the damage if a file were ever changed in place (a sync tool, an editor, a bad
 * disk block). The newest BACKUPS_KEPT days are kept.
 *
 * A shard that does not parse is moved to `quarantine/<time>/` (never overwritten, never
 * deleted) and the newest backup of it that parses takes its place.
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

/** What became of a damaged shard. */
export interface ShardRestore {
  shard: string;
  /** Where the damaged file now is. */
  quarantinedTo: string;
  /** The backup (a date) it was restored from, or null when no backup of it parsed. */
  restoredFrom: string | null;
}

/**
 * Moves a damaged shard into quarantine and puts the newest backup of it that parses in its
 * place. With no usable backup the shard is left absent, to be rebuilt from the captures.
 */
export async function quarantineAndRestoreShard(root: string, shard: string, now = new Date()): Promise<ShardRestore> {
  const name = `${shard}.json`;
  const quarantine = join(root, 'quarantine', now.toISOString().replace(/[:.]/gu, '-'));
  await mkdir(quarantine, { recursive: true });
  const quarantinedTo = join(quarantine, name);
  await rename(join(root, 'catalog', name), quarantinedTo);
  await syncFolder(quarantine);
  await syncFolder(join(root, 'catalog'));
  for (const backup of await listBackups(root)) {
    const candidate = join(backupsFolder(root), backup, 'catalog', name);
    let raw: string;
    try {
      raw = await readFile(candidate, 'utf8');
      JSON.parse(raw);
    } catch {
      continue;
    }
    await writeFileDurably(join(root, 'catalog', name), raw);
    return { shard, quarantinedTo, restoredFrom: backup };
  }
  return { shard, quarantinedTo, restoredFrom: null };
}
