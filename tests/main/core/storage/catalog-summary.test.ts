import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { Catalog } from '../../../../main/core/storage/catalog';
import { readCatalogSummary, stampOf, writeCatalogSummary } from '../../../../main/core/storage/catalog-summary';
import { SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { testRecord } from './test-record';

let folder: { path: string; remove: () => Promise<void> };
let shardsFolder: string;
let summary: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  shardsFolder = join(folder.path, 'catalog');
  summary = join(folder.path, 'index', 'catalog-summary.json');
});
afterEach(() => folder.remove());

/** Ids in order: SHARD_BOUND of them fill a shard, so `count` ids make count / SHARD_BOUND shards. */
const ids = (count: number) => Array.from({ length: count }, (_, i) => `01HA${String(i).padStart(22, '0')}`);

/** A catalog of three full shards (each article tagged by its shard), closed with its summary written. */
async function summarisedCatalog(): Promise<{ all: string[]; shards: string[] }> {
  const { catalog } = await Catalog.load(shardsFolder, { summary });
  const all = ids(3 * SHARD_BOUND);
  await catalog.apply(new Map(all.map((id, i) => [id, testRecord(id, [`shard ${Math.floor(i / SHARD_BOUND)}`, 'all'])] as [string, ArticleRecord])));
  await catalog.saveSummary();
  await catalog.close();
  const shards = (await readdir(shardsFolder)).sort().map((name) => name.replace(/\.json$/u, ''));
  expect(shards).toHaveLength(3);
  return { all, shards };
}

describe('opening a catalog by its summary', () => {
  it('reads no shard whose file is as summarised, yet counts, tags and finds every article', async () => {
    const { all } = await summarisedCatalog();
    const { catalog, damaged } = await Catalog.load(shardsFolder, { summary });
    expect(damaged).toEqual([]);
    expect(catalog.unreadShards).toBe(3);
    expect(catalog.size).toBe(3 * SHARD_BOUND);
    expect(catalog.tags()[0]).toEqual({ tag: 'all', count: 3 * SHARD_BOUND });
    expect(catalog.spellingOf('SHARD 2')).toBe('shard 2');
    // The newest article first, as the list asks: only its shard is read.
    expect(catalog.get(all.at(-1)!)?.tags).toEqual(['shard 2', 'all']);
    expect(catalog.unreadShards).toBe(2);
    expect(catalog.get('01HZZZZZZZZZZZZZZZZZZZZZZZ')).toBeUndefined();
    expect(catalog.size).toBe(3 * SHARD_BOUND);
    expect(catalog.tags()[0]).toEqual({ tag: 'all', count: 3 * SHARD_BOUND });
    // Read newest first, the list is still newest first.
    expect(catalog.all().map((record) => record.id)).toEqual([...all].reverse());
    expect(catalog.unreadShards).toBe(0);
  });

  it('reads a shard changed since the summary was written, and reports one that no longer parses', async () => {
    const { all, shards } = await summarisedCatalog();
    const changed = JSON.parse(await readFile(join(shardsFolder, `${shards[1]}.json`), 'utf8'));
    changed.articles[all[SHARD_BOUND]!].tags = ['synced from elsewhere'];
    await writeFile(join(shardsFolder, `${shards[1]}.json`), JSON.stringify(changed));
    await writeFile(join(shardsFolder, `${shards[2]}.json`), '{"changeNumber": 3, "articl');
    const { catalog, damaged } = await Catalog.load(shardsFolder, { summary });
    expect(damaged.map((each) => each.shard)).toEqual([shards[2]]);
    expect(catalog.unreadShards).toBe(1);
    expect(catalog.tags().find((tag) => tag.tag === 'synced from elsewhere')?.count).toBe(1);
    expect(catalog.size).toBe(2 * SHARD_BOUND);
  });

  it('reads every shard when the summary is missing, not JSON, of another format, or a line of it is not well formed', async () => {
    const { shards } = await summarisedCatalog();
    const lines = (await readFile(summary, 'utf8')).split('\n');
    const [shard, entry] = JSON.parse(lines[1]!);
    const malformed = [lines[0], JSON.stringify([shard, { ...entry, file: { ...entry.file, size: 'big' } }]), lines[2], lines[3]!.slice(0, 20), ''].join('\n');
    expect(shard).toBe(shards[0]);
    const cases: [string | null, number][] = [
      [null, 0],
      ['not json', 0],
      [[JSON.stringify({ format: 99 }), ...lines.slice(1)].join('\n'), 0],
      // The first line's entry is not well formed and the third is cut short: only the second stands.
      [malformed, 1],
    ];
    for (const [text, unread] of cases) {
      if (text === null) await rm(summary);
      else await writeFile(summary, text);
      const { catalog, damaged } = await Catalog.load(shardsFolder, { summary });
      expect(damaged).toEqual([]);
      expect(catalog.unreadShards).toBe(unread);
      expect(catalog.size).toBe(3 * SHARD_BOUND);
    }
  });

  it('reads a shard whose summary says it holds ids outside its range (a split a crash cut short)', async () => {
    const { shards } = await summarisedCatalog();
    const entries = await readCatalogSummary(summary);
    entries.get(shards[0]!)!.last = shards[1]!;
    await writeCatalogSummary(summary, entries);
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    expect(catalog.unreadShards).toBe(2);
  });

  it('takes an article a read shard holds outside its range into its home shard, though the summary stands for that one', async () => {
    const { shards } = await summarisedCatalog();
    // The last shard's file gains an article of the first shard's range that the first lacks (a split cut short leaves such).
    const stray = `01HA${'0'.repeat(19)}11Z`;
    expect(stray > shards[0]! && stray < shards[1]!).toBe(true);
    const path = join(shardsFolder, `${shards[2]}.json`);
    const last = JSON.parse(await readFile(path, 'utf8'));
    last.articles[stray] = testRecord(stray, ['stray']);
    await writeFile(path, JSON.stringify(last));
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    expect(catalog.get(stray)?.tags).toEqual(['stray']);
    expect(catalog.size).toBe(3 * SHARD_BOUND + 1);
    expect(catalog.idsInShard(shards[0]!)).toContain(stray);
  });

  it('reads an unread shard before a change to it, keeping its other articles', async () => {
    const { all } = await summarisedCatalog();
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    await catalog.apply(new Map([[all[5]!, testRecord(all[5]!, ['edited'])]]));
    expect(catalog.unreadShards).toBe(2);
    await catalog.saveSummary();
    const { catalog: again } = await Catalog.load(shardsFolder, { summary });
    // The summary written after the change vouches for the shard it rewrote as well.
    expect(again.unreadShards).toBe(3);
    expect(again.size).toBe(3 * SHARD_BOUND);
    expect(again.get(all[5]!)?.tags).toEqual(['edited']);
    expect(again.get(all[6]!)?.tags).toEqual(['shard 0', 'all']);
    expect(again.tags().find((tag) => tag.tag === 'edited')?.count).toBe(1);
  });

  it('tells its watchers of changes and repairs, not of the shards it reads (their records were there all along)', async () => {
    const { all, shards } = await summarisedCatalog();
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    const told: [string, string[] | null][] = [];
    catalog.watch((id, record) => told.push([id, record?.tags ?? null]));
    expect(catalog.get(all[SHARD_BOUND]!)?.tags).toEqual(['shard 1', 'all']);
    await catalog.loadAll();
    expect(catalog.unreadShards).toBe(0);
    expect(told).toEqual([]);
    await catalog.apply(new Map([[all[5]!, testRecord(all[5]!, ['edited'])]]));
    expect(told).toEqual([[all[5]!, ['edited']]]);
    // A repair puts a shard's articles in place again: a change the watchers must know of.
    told.length = 0;
    await catalog.replaceShard(shards[2]!, { [all[2 * SHARD_BOUND]!]: testRecord(all[2 * SHARD_BOUND]!, ['restored']) }, 99);
    expect(told).toContainEqual([all[2 * SHARD_BOUND]!, ['restored']]);
  });

  it('names a shard that cannot be read when first asked for, and removes the summary so that the next open repairs it', async () => {
    const { all, shards } = await summarisedCatalog();
    // Damage the summary cannot see (the disk's, not a write's): the summary vouches for the damaged file.
    const path = join(shardsFolder, `${shards[0]}.json`);
    await writeFile(path, '{"changeNumber": 1, "arti');
    const entries = await readCatalogSummary(summary);
    entries.get(shards[0]!)!.file = stampOf(await stat(path));
    await writeCatalogSummary(summary, entries);
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    expect(catalog.unreadShards).toBe(3);
    expect(() => catalog.get(all[0]!)).toThrow(`library: ${path} could not be read (`);
    expect(catalog.size).toBe(2 * SHARD_BOUND);
    // A change to it is refused: written, the shard would hold the change alone, and the repair lose the rest.
    await expect(catalog.apply(new Map([[all[1]!, testRecord(all[1]!, ['edited'])]]))).rejects.toThrow(`library: ${path} could not be read (`);
    expect(await readFile(path, 'utf8')).toBe('{"changeNumber": 1, "arti');
    await expect.poll(() => readFile(summary).then(() => 'there', () => 'removed')).toBe('removed');
    const { damaged } = await Catalog.load(shardsFolder, { summary });
    expect(damaged.map((each) => each.shard)).toEqual([shards[0]]);
  });

  it('reads every shard left with loadAll, and stops when closed', async () => {
    const { all } = await summarisedCatalog();
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    await catalog.loadAll();
    expect(catalog.unreadShards).toBe(0);
    expect(catalog.ids().sort()).toEqual(all);
    const { catalog: closing } = await Catalog.load(shardsFolder, { summary });
    const loading = closing.loadAll();
    await closing.close();
    await loading;
    expect(closing.unreadShards).toBeGreaterThan(0);
  });

  it('gathers every record newest first without holding the thread, reading the unread shards first, as all() does', async () => {
    const { all } = await summarisedCatalog();
    const { catalog } = await Catalog.load(shardsFolder, { summary });
    const gathered = await catalog.allInSlices();
    expect(catalog.unreadShards).toBe(0);
    expect(gathered.map((record) => record.id)).toEqual([...all].reverse());
    // Kept until the catalog changes: all() gives the same list, and a change a new one.
    expect(catalog.all()).toBe(gathered);
    const newest = '01HB0000000000000000000000';
    await catalog.apply(new Map([[newest, testRecord(newest, ['late'])]]));
    const after = await catalog.allInSlices();
    expect(after).not.toBe(gathered);
    expect(after.map((record) => record.id)).toEqual([newest, ...[...all].reverse()]);
    await catalog.close();
  });
});
