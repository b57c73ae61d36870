/**
 * The upgrade from library format 3 to 4: the catalog's 1,024 shards by the ids' last two
 * characters (catalog/<XY>.json) are rewritten as shards by range of ids (shard-ranges.ts).
 *
 * Idempotent, so that an upgrade interrupted anywhere finishes at the next open with nothing
 * lost: the articles are read from the old files and from any new ones a run cut short left
 * (a run stopped while removing the old files left some articles in the new files alone); the
 * new files are written durably, every one on disk before the first old file is removed.
 *
 * The journal and the daily backups name the old shards, and a repair of a new shard could
 * not start from them: once the new files are in place, `journal/` and `backups/` are moved
 * whole to `quarantine/format-3-<n>/` (kept, never deleted by Cuttings), so that the open that
 * finishes the upgrade makes a backup of the new shards at once and starts a fresh journal
 * from it. The search index snapshot, which names shards too, is removed: it is rebuilt.
 */
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from './article-record';
import { syncFolder, writeFilesDurably } from './durable-file';
import { FIRST_SHARD, isShardFile, SHARD_BOUND } from './shard-ranges';

/** A format 3 shard's file name. */
const HASH_SHARD = /^[0-9A-Z]{2}\.json$/u;
const RANGE_START = /^[0-9A-Z]{26}$/u;

/** Rewrites the catalog of the library at `root` as range shards (format 3 → 4). */
export async function shardCatalogByRange(root: string): Promise<void> {
  const folder = join(root, 'catalog');
  const names = await readdir(folder).catch(() => [] as string[]);
  const oldNames = names.filter((name) => HASH_SHARD.test(name));
  const articles = new Map<string, ArticleRecord>();
  // New files first, so that an old file's copy (the same record) is the one kept.
  for (const name of [...names.filter(isShardFile), ...oldNames]) {
    for (const record of Object.values(await readShardFile(root, folder, name))) articles.set(record.id, record);
  }

  // Older ranges are filled to the bound: new articles only ever go to the newest range.
  const ids = [...articles.keys()].sort();
  const shards = new Map<string, Record<string, ArticleRecord>>();
  let current: Record<string, ArticleRecord> | null = null;
  let count = 0;
  for (const id of ids) {
    if (!current || (count >= SHARD_BOUND && RANGE_START.test(id))) {
      shards.set(shards.size === 0 ? FIRST_SHARD : id, (current = {}));
      count = 0;
    }
    current[id] = articles.get(id)!;
    count++;
  }
  if (shards.size > 0) {
    await mkdir(folder, { recursive: true });
    const failed = await writeFilesDurably([...shards].map(([start, held]) => [join(folder, `${start}.json`), JSON.stringify({ changeNumber: 1, articles: held })]));
    if (failed.size > 0) throw failed.values().next().value;
  }
  // Every new file is on disk: only now do the old ones go (and new ones of another cut, from a run of other code).
  for (const name of [...oldNames, ...names.filter((name) => isShardFile(name) && !shards.has(name.slice(0, -'.json'.length)))]) {
    await rm(join(folder, name), { force: true });
  }
  await syncFolder(folder);

  await rm(join(root, 'index', 'search.bin'), { force: true });
  await rm(join(root, 'index', 'duplicates.bin'), { force: true });
  for (const name of ['journal', 'backups']) await moveAside(root, name);
}

/** A shard file's articles; a file that does not parse stops the upgrade, the library left as format 3. */
async function readShardFile(root: string, folder: string, name: string): Promise<Record<string, ArticleRecord>> {
  const path = join(folder, name);
  try {
    const data = JSON.parse(await readFile(path, 'utf8')) as { articles?: unknown } | null;
    if (data && typeof data === 'object' && typeof data.articles === 'object' && data.articles !== null) return data.articles as Record<string, ArticleRecord>;
    throw new Error('it does not hold a catalog shard');
  } catch (error) {
    throw new CuttingsError(
      'library',
      `library: cannot upgrade ${root}: ${path} is damaged (${(error as Error).message}); open it with the Cuttings that wrote it to repair it, or restore it from backups/`,
    );
  }
}

/** Moves `<root>/<name>` to `quarantine/format-3-<n>/<name>`, n the first number free. */
async function moveAside(root: string, name: string): Promise<void> {
  const from = join(root, name);
  if (!(await stat(from).catch(() => null))) return;
  const quarantine = join(root, 'quarantine');
  let to = '';
  for (let n = 1; ; n++) {
    to = join(quarantine, `format-3-${n}`);
    if (!(await stat(join(to, name)).catch(() => null))) break;
  }
  await mkdir(to, { recursive: true });
  await rename(from, join(to, name));
  await syncFolder(to);
  await syncFolder(root);
}
