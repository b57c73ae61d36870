/**
 * Daily backups of the catalog and the quarantine for damaged files.
 *
 * A backup is `backups/<YYYY-MM-DD>/` holding the catalog shards and cuttings.json as they
 * were at the first write-open of that day. The files are copied, not hard-linked: a link
 * would share the damage if a file were ever changed in place (a sync tool, an editor, a bad
 * disk block). The newest BACKUPS_KEPT days are kept.
 *
 * A shard that does not parse is copied to `quarantine/<time>/` (never overwritten, never
 * deleted); the newest backup of its range that parses is where its repair starts
 * (shard-repair.ts). Shards split between a backup and a repair, so a range is read from
 * whichever files of the backup cover it.
 */
import { copyFile, mkdir, readFile, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncFolder, syncMany, writeFileDurably } from './durable-file';
import { isShardFile, ShardRanges } from './shard-ranges';

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

/** What the newest backup that could be read holds of a range of ids. */
export interface RangeBackup {
  /** The backup (a date) it comes from. */
  backup: string;
  /** The highest change number of the backup's files covering the range. */
  changeNumber: number;
  /** The articles of the range. */
  articles: Record<string, unknown>;
  /**
   * The journal entry up to which the backup holds an id's changes: that of the backup's
   * file whose range covers it (0 for a file written without a journal).
   */
  journaledTo(id: string): number;
}

/**
 * What the newest backup whose files covering the range [start, end) all parse holds of it
 * (`end` null: no end), or null when no backup does.
 */
export async function readRangeBackup(root: string, start: string, end: string | null): Promise<RangeBackup | null> {
  for (const backup of await listBackups(root)) {
    const folder = join(backupsFolder(root), backup, 'catalog');
    const names = (await readdir(folder).catch(() => [] as string[])).filter(isShardFile);
    if (names.length === 0) continue;
    const ranges = new ShardRanges(names.map((name) => name.slice(0, -'.json'.length)));
    const starts = ranges.list();
    const read = new Map<string, number>();
    const articles: Record<string, unknown> = {};
    let changeNumber = 0;
    let whole = true;
    for (const [i, from] of starts.entries()) {
      const to = starts[i + 1] ?? null;
      // Only the files whose range meets [start, end); the first backup file also holds ids below its name.
      if ((end !== null && i > 0 && from >= end) || (to !== null && to <= start)) continue;
      try {
        const data = JSON.parse(await readFile(join(folder, `${from}.json`), 'utf8')) as { changeNumber?: unknown; journal?: unknown; articles?: unknown } | null;
        if (!data || typeof data !== 'object' || typeof data.articles !== 'object' || data.articles === null) throw new Error('not a shard');
        read.set(from, typeof data.journal === 'number' ? data.journal : 0);
        changeNumber = Math.max(changeNumber, typeof data.changeNumber === 'number' ? data.changeNumber : 0);
        for (const [id, record] of Object.entries(data.articles as Record<string, unknown>)) {
          if (id >= start && (end === null || id < end) && ranges.shardOf(id) === from) articles[id] = record;
        }
      } catch {
        // Missing or damaged too: an older backup may do.
        whole = false;
        break;
      }
    }
    if (whole) return { backup, changeNumber, articles, journaledTo: (id) => read.get(ranges.shardOf(id)) ?? 0 };
  }
  return null;
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
