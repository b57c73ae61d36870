// The catalog's range shards split past the bound, keeping every record and what an edit
// rewrites bounded; a split a crash cut short is settled at the next open.
import { createHash } from 'node:crypto';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { Catalog } from '../../../../main/core/storage/catalog';
import { CatalogJournal, readJournal } from '../../../../main/core/storage/catalog-journal';
import { FIRST_SHARD, SHARD_BOUND, ShardRanges } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { testRecord } from './test-record';

let folder: { path: string; remove: () => Promise<void> };
let catalogFolder: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  catalogFolder = join(folder.path, 'catalog');
});
afterEach(() => folder.remove());

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** An id of a time long past (an import keeping old ids), from a seed, spread over its range. */
function oldId(seed: number): string {
  const bytes = createHash('sha256').update(String(seed)).digest();
  return '01A' + Array.from(bytes.subarray(0, 23), (byte) => CROCKFORD[byte % 32]).join('');
}

const record = testRecord;

const changes = (ids: readonly string[], tags: string[] = []) => new Map(ids.map((id) => [id, record(id, tags)] as [string, ArticleRecord]));

/** Every shard file's articles, by its start. */
async function shardFiles(): Promise<Map<string, Record<string, ArticleRecord>>> {
  const files = new Map<string, Record<string, ArticleRecord>>();
  for (const name of (await readdir(catalogFolder)).filter((name) => name.endsWith('.json')).sort()) {
    files.set(name.slice(0, -5), (JSON.parse(await readFile(join(catalogFolder, name), 'utf8')) as { articles: Record<string, ArticleRecord> }).articles);
  }
  return files;
}

describe('splitting range shards', () => {
  it('splits shards past the bound as articles arrive anywhere, keeping every record in the shard whose range holds it', async () => {
    const { catalog } = await Catalog.load(catalogFolder);
    const ids = Array.from({ length: 1500 }, (_, i) => oldId(i));
    // Batches of 50 scattered over the range, then one at a time.
    for (let i = 0; i < 1400; i += 50) await catalog.apply(changes(ids.slice(i, i + 50)));
    for (const id of ids.slice(1400)) await catalog.apply(changes([id]));
    const files = await shardFiles();
    const ranges = new ShardRanges(files.keys());
    for (const [start, articles] of files) {
      expect(Object.keys(articles).length).toBeLessThanOrEqual(SHARD_BOUND);
      for (const id of Object.keys(articles)) expect(ranges.shardOf(id)).toBe(start);
    }
    expect([...files.values()].flatMap((articles) => Object.keys(articles)).sort()).toEqual([...ids].sort());
    expect(files.size).toBeGreaterThanOrEqual(Math.ceil(1500 / SHARD_BOUND));
    const { catalog: again } = await Catalog.load(catalogFolder);
    expect(again.size).toBe(1500);
    expect(again.all().map((r) => r.id)).toEqual([...ids].sort().reverse());
  });

  it('rewrites one shard of at most the bound for an edit, whatever the catalog holds', async () => {
    const { catalog } = await Catalog.load(catalogFolder);
    const ids = Array.from({ length: 2000 }, (_, i) => oldId(i));
    for (let i = 0; i < ids.length; i += 200) await catalog.apply(changes(ids.slice(i, i + 200)));
    const before = new Map<string, number>();
    for (const name of await readdir(catalogFolder)) before.set(name, (await stat(join(catalogFolder, name))).ino);
    const edited = ids[777]!;
    await catalog.apply(changes([edited], ['edited']));
    const rewritten: string[] = [];
    for (const name of await readdir(catalogFolder)) if ((await stat(join(catalogFolder, name))).ino !== before.get(name)) rewritten.push(name);
    expect(rewritten).toHaveLength(1);
    const articles = (await shardFiles()).get(rewritten[0]!.slice(0, -5))!;
    expect(articles[edited]!.tags).toEqual(['edited']);
    expect(Object.keys(articles).length).toBeLessThanOrEqual(SHARD_BOUND);
  });

  it('adds new ids to the newest range only, cutting it a bound at a time, the older shards left alone', async () => {
    const { catalog } = await Catalog.load(catalogFolder);
    // The first batch fills the first shard and starts the newest; later batches of 75 only go there.
    const total = 4 * SHARD_BOUND + 50;
    const first = SHARD_BOUND + 36;
    const ids = Array.from({ length: total }, (_, i) => `01J${String(i).padStart(23, '0')}`);
    await catalog.apply(changes(ids.slice(0, first)));
    const olderFile = join(catalogFolder, `${FIRST_SHARD}.json`);
    const olderBefore = await stat(olderFile);
    for (let i = first; i < total; i += 75) await catalog.apply(changes(ids.slice(i, i + 75)));
    expect((await stat(olderFile)).ino).toBe(olderBefore.ino);
    const files = await shardFiles();
    const sizes = [...files.values()].map((articles) => Object.keys(articles).length);
    // Every shard but the newest is full.
    expect(sizes.slice(0, -1).every((size) => size === SHARD_BOUND)).toBe(true);
    expect(sizes.reduce((a, b) => a + b)).toBe(total);
  });
});

describe('a split cut short by a crash', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `01H${String(i).padStart(23, '0')}`).sort();
  const median = ids[50]!;
  const shardText = (articles: readonly string[], tagged: Record<string, string[]>, journal: number) =>
    JSON.stringify({ changeNumber: journal, journal, articles: Object.fromEntries(articles.map((id) => [id, record(id, tagged[id] ?? [])])) });

  it('keeps the new piece’s copy of what the old shard still holds, and rewrites the old shard to its range at open', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(catalogFolder, { recursive: true });
    // The old shard whole, as it was before the change that split it; the upper piece written with that change.
    await writeFile(join(catalogFolder, `${FIRST_SHARD}.json`), shardText(ids, { [ids[70]!]: ['before'] }, 1));
    await writeFile(join(catalogFolder, `${median}.json`), shardText(ids.slice(50), { [ids[70]!]: ['after'] }, 2));
    const { catalog, damaged } = await Catalog.load(catalogFolder);
    expect(damaged).toEqual([]);
    expect(catalog.size).toBe(100);
    expect(catalog.get(ids[70]!)?.tags).toEqual(['after']);
    expect(catalog.tags()).toEqual([{ tag: 'after', count: 1 }]);
    // The journal's last entry is 1: the piece (2) is journaled whole, and so is the old shard, rewritten.
    const journal = await CatalogJournal.open(folder.path);
    await journal.append({ seq: 1, at: '2026-01-01T00:00:00.000Z', shards: {}, changes: {} });
    await catalog.useJournal(journal);
    await journal.close();
    const files = await shardFiles();
    expect(Object.keys(files.get(FIRST_SHARD)!).sort()).toEqual(ids.slice(0, 50));
    expect(Object.keys(files.get(median)!).sort()).toEqual(ids.slice(50));
    const last = (await readJournal(folder.path)).entries.at(-1)!;
    expect([...last.full!].sort()).toEqual([FIRST_SHARD, median].sort());
    expect(last.ends).toEqual({ [FIRST_SHARD]: median, [median]: null });
    const { catalog: again } = await Catalog.load(catalogFolder);
    expect(again.get(ids[70]!)?.tags).toEqual(['after']);
    expect(again.size).toBe(100);
  });

  it('moves what the old shard holds of a piece that never got its name to the shard whose range now covers it', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(catalogFolder, { recursive: true });
    await writeFile(join(catalogFolder, `${FIRST_SHARD}.json`), shardText(ids, {}, 1));
    // Pieces at 25 and 75 were planned; only the one at 25 reached the disk (it holds 25–74).
    await writeFile(join(catalogFolder, `${ids[25]}.json`), shardText(ids.slice(25, 75), {}, 2));
    const { catalog } = await Catalog.load(catalogFolder);
    expect(catalog.size).toBe(100);
    // Without a journal, the next change settles the files first.
    await catalog.apply(changes([ids[3]!], ['x']));
    const files = await shardFiles();
    expect(Object.keys(files.get(FIRST_SHARD)!).sort()).toEqual(ids.slice(0, 25));
    expect(Object.keys(files.get(ids[25]!)!).sort()).toEqual(ids.slice(25));
    expect(files.get(FIRST_SHARD)![ids[3]!]!.tags).toEqual(['x']);
  });
});
