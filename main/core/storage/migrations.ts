/**
 * Upgrades a library written by an older Cuttings to the current format, in place. Each
 * step is idempotent, so a migration interrupted by a crash simply runs again at the next
 * open; cuttings.json gets the new version only when the step is complete.
 *
 * Format 1 (Cuttings 0.1): catalog/catalog.json held the whole catalog in one file, and
 * captures were in articles/<id>/.
 * Format 2: the catalog is sharded (catalog/<XY>.json) and captures are in
 * articles/<XY>/<id>/, XY being the id's last two characters: article.json and
 * original.<kind>.gz.
 * Format 3: each capture is one file, articles/<XY>/<id>.capture (see captures.ts).
 * Format 4: the catalog's shards hold ranges of ids, catalog/<first id>.json (see
 * shard-ranges.ts and catalog-shards-by-range.ts); captures stay where they were.
 */
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from './article-record';
import { capturePath, encodeCapture, type OriginalKind } from './captures';
import { syncFolder, syncMany, writeFileDurably } from './durable-file';
import { captureFolderOf } from './capture-folder';
import { shardCatalogByRange } from './catalog-shards-by-range';

/** One step: from `from` to `from + 1`. */
interface Migration {
  from: number;
  describe: string;
  run(root: string): Promise<void>;
}

const MIGRATIONS: Migration[] = [
  {
    from: 1,
    describe: 'shard the catalog and the captures',
    async run(root) {
      const single = join(root, 'catalog', 'catalog.json');
      let catalog: { articles?: Record<string, ArticleRecord> } | null = null;
      try {
        catalog = JSON.parse(await readFile(single, 'utf8')) as { articles?: Record<string, ArticleRecord> };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          throw new CuttingsError('library', `library: cannot upgrade ${root}: ${single} is damaged (${(error as Error).message})`);
        }
      }
      if (catalog) {
        const shards = new Map<string, Record<string, ArticleRecord>>();
        for (const record of Object.values(catalog.articles ?? {})) {
          // Format 2's catalog shards were named like the capture folders, by the id's last two characters.
          const shard = captureFolderOf(record.id);
          const articles = shards.get(shard) ?? {};
          articles[record.id] = record;
          shards.set(shard, articles);
        }
        for (const [shard, articles] of shards) {
          await writeFileDurably(join(root, 'catalog', `${shard}.json`), JSON.stringify({ changeNumber: 1, articles }));
        }
      }
      const articles = join(root, 'articles');
      for (const name of await readdir(articles).catch(() => [] as string[])) {
        // Format 1 folders are named by a whole ULID; format 2 shard folders by two characters.
        if (name.length !== 26) continue;
        const from = join(articles, name);
        if (!(await stat(from)).isDirectory()) continue;
        const shardFolder = join(articles, captureFolderOf(name));
        await mkdir(shardFolder, { recursive: true });
        await rename(from, join(shardFolder, name));
      }
      await syncFolder(articles);
      // Only now that every shard is written is the single file removed.
      await rm(single, { force: true });
    },
  },
  {
    from: 2,
    describe: 'one file per capture',
    async run(root) {
      const articles = join(root, 'articles');
      const converted: string[] = [];
      const written: string[] = [];
      for (const shard of await readdir(articles).catch(() => [] as string[])) {
        const shardFolder = join(articles, shard);
        for (const name of await readdir(shardFolder).catch(() => [] as string[])) {
          const folder = join(shardFolder, name);
          if (name.length !== 26 || !(await stat(folder)).isDirectory()) continue;
          const files = await readdir(folder);
          const originalName = files.find((file) => /^original\.(html|txt|pdf|mhtml)\.gz$/u.test(file));
          // A folder already damaged (a file deleted behind the app's back) is left as it is, for
          // someone to look at: `cuttings verify` names the article whose capture it was.
          if (!files.includes('article.json') || !originalName) continue;
          const kind = originalName.split('.')[1] as OriginalKind;
          const content = await readFile(join(folder, 'article.json'));
          // Already gzipped as a capture file keeps it.
          const zippedOriginal = await readFile(join(folder, originalName));
          // Written beside the folder under a temporary name and renamed: a capture file is
          // whole or absent, and a run interrupted here starts this folder again.
          const path = capturePath(root, name);
          const temp = `${path}.migrating`;
          await writeFile(temp, encodeCapture(content, zippedOriginal, kind));
          await rename(temp, path);
          written.push(path);
          converted.push(folder);
        }
      }
      // Every new file is on disk before any old folder goes.
      await syncMany(root, written);
      for (const folder of converted) await rm(folder, { recursive: true, force: true });
      // And the removals (the folders the capture files sit in are synced again).
      await syncMany(root, written);
    },
  },
  {
    from: 3,
    describe: 'catalog shards by range of ids',
    run: shardCatalogByRange,
  },
];

/**
 * Runs every step from `version` up to `target`, recording each completed step with
 * `setVersion`, and returns a line describing each step taken.
 */
export async function migrateLibrary(
  root: string,
  version: number,
  target: number,
  setVersion: (version: number) => Promise<void>,
): Promise<string[]> {
  const done: string[] = [];
  for (let current = version; current < target; current++) {
    const step = MIGRATIONS.find((migration) => migration.from === current);
    if (!step) throw new CuttingsError('library', `library: no upgrade from format ${current} is known`);
    await step.run(root);
    await setVersion(current + 1);
    done.push(`format ${current} → ${current + 1}: ${step.describe}`);
  }
  return done;
}
