// The upgrade of a format 3 library (catalog shards by the ids' last two characters) to
// format 4 (shards by range of ids), in place, finished at the next open if interrupted.
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importJsonl } from '../../../../main/core/import/import-jsonl';
import { Library } from '../../../../main/core/library';
import { verifyLibrary } from '../../../../main/core/library/verify';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { listBackups } from '../../../../main/core/storage/backups';
import { shardCatalogByRange } from '../../../../main/core/storage/catalog-shards-by-range';
import { readJournal } from '../../../../main/core/storage/catalog-journal';
import { isShardFile, SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { catalogShardPath } from './catalog-files';

let folder: { path: string; remove: () => Promise<void> };
let root: string;
/** What each article of the library was before the upgrade: tags, note, highlights' quotes. */
let before: Map<string, { tags: string[]; note: string | null; highlights: string[] }>;

beforeEach(async () => {
  folder = await makeTempFolder();
  root = join(folder.path, 'library');
  before = await makeFormat3Library(root, SHARD_BOUND + 20);
});
afterEach(() => folder.remove());

/**
 * A library laid out as format 3 wrote it: made with this code, then its catalog (and its
 * backups' copies) rewritten as shards named by the ids' last two characters, as format 3's
 * catalog wrote them, and cuttings.json set back to 3. The journal stays as written.
 */
async function makeFormat3Library(path: string, count: number) {
  const library = await Library.open(path);
  const lines = Array.from({ length: count }, (_, i) => JSON.stringify({ title: `Report ${i}`, text: `The harbour board met for the ${i}th time and agreed to meet again.`, tags: [`t${i % 5}`] }));
  const jsonl = join(folder.path, `import-${count}.jsonl`);
  await writeFile(jsonl, lines.join('\n') + '\n');
  await importJsonl(library, jsonl);
  const ids = library.list().map((article) => article.id);
  await library.setNote(ids[3]!, 'Ask the **board** again');
  await library.addHighlight({ id: ids[7]!, quote: 'agreed to meet again', comment: 'as ever' });
  await library.updateTags(ids[9]!, ['edited'], ['t4']);
  const state = new Map<string, { tags: string[]; note: string | null; highlights: string[] }>();
  for (const id of ids) state.set(id, await annotations(library, id));
  await library.close();
  await toHashShards(join(path, 'catalog'));
  for (const backup of await listBackups(path)) await toHashShards(join(path, 'backups', backup, 'catalog'));
  const format = JSON.parse(await readFile(join(path, 'cuttings.json'), 'utf8'));
  await writeFile(join(path, 'cuttings.json'), JSON.stringify({ ...format, version: 3 }, null, 2) + '\n');
  return state;
}

/** Rewrites the range shards in `catalog` as format 3's shards by the ids' last two characters. */
async function toHashShards(catalog: string): Promise<void> {
  const records: Record<string, ArticleRecord> = {};
  for (const name of (await readdir(catalog)).filter(isShardFile)) {
    Object.assign(records, JSON.parse(await readFile(join(catalog, name), 'utf8')).articles);
    await rm(join(catalog, name));
  }
  const shards = new Map<string, Record<string, ArticleRecord>>();
  for (const [id, record] of Object.entries(records)) shards.set(id.slice(-2), { ...shards.get(id.slice(-2)), [id]: record });
  for (const [shard, articles] of shards) await writeFile(join(catalog, `${shard}.json`), JSON.stringify({ changeNumber: 2, journal: 1, articles }));
}

async function annotations(library: Library, id: string) {
  const article = await library.get(id);
  return { tags: article.tags, note: article.note || null, highlights: (article.highlights ?? []).map((h) => h.quote) };
}

/** Opens the library, checks every article is as it was before the upgrade, and closes it. */
async function expectEverythingKept(): Promise<Library> {
  const library = await Library.open(root);
  expect(library.list()).toHaveLength(before.size);
  for (const [id, state] of before) expect(await annotations(library, id)).toEqual(state);
  expect((await verifyLibrary(library)).problems).toEqual([]);
  return library;
}

const catalogNames = async () => (await readdir(join(root, 'catalog'))).sort();

describe('a format 3 library', () => {
  it('is upgraded in place at open: range shards only, every article, tag, note and highlight kept', async () => {
    const hashNames = await catalogNames();
    expect(hashNames.every((name) => /^[0-9A-Z]{2}\.json$/u.test(name))).toBe(true);
    const library = await expectEverythingKept();
    expect(library.notices).toEqual([`library: upgraded ${root}: format 3 → 4: catalog shards by range of ids`]);
    expect((await library.search('harbour board')).total).toBe(before.size);
    await library.close();
    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(4);
    const names = await catalogNames();
    expect(names).toHaveLength(2);
    expect(names.every(isShardFile)).toBe(true);
  });

  it('starts a fresh journal and backup from the upgraded catalog, the old ones moved to quarantine, so a repair after it loses nothing', async () => {
    let library = await Library.open(root);
    const [oldBackup] = await readdir(join(root, 'quarantine', 'format-3-1', 'backups'));
    expect(oldBackup).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    expect((await readdir(join(root, 'quarantine', 'format-3-1', 'journal'))).length).toBeGreaterThan(0);
    // Today's backup holds the range shards.
    const [today] = await listBackups(root);
    expect((await readdir(join(root, 'backups', today!, 'catalog'))).every(isShardFile)).toBe(true);
    expect((await readJournal(root)).entries).toEqual([]);
    const [id] = [...before.keys()];
    await library.updateTags(id!, ['after-upgrade'], []);
    await library.close();
    await writeFile(await catalogShardPath(root, id!), '{"changeNumber": 4, "articles": {"trunc');
    library = await Library.open(root);
    expect(library.notices[0]).toMatch(/restored from the backup of .*; 1 change\(s\) made since replayed from the journal$/u);
    expect((await library.get(id!)).tags).toEqual([...before.get(id!)!.tags, 'after-upgrade']);
    await library.close();
  });

  it('finishes an upgrade interrupted after some new files were written, the old ones all there', async () => {
    // As if the step died after writing one new file.
    const catalog = join(root, 'catalog');
    const some: Record<string, unknown> = {};
    for (const name of (await catalogNames()).slice(0, 3)) Object.assign(some, JSON.parse(await readFile(join(catalog, name), 'utf8')).articles);
    await writeFile(join(catalog, `${Object.keys(some).sort()[0]}.json`), JSON.stringify({ changeNumber: 1, articles: some }));
    const library = await expectEverythingKept();
    await library.close();
    expect((await catalogNames()).every(isShardFile)).toBe(true);
  });

  it('finishes an upgrade interrupted while removing the old files, before the format was recorded', async () => {
    await shardCatalogByRange(root);
    // One old file back, as if the step died half-way through removing them.
    const ranges = await catalogNames();
    const library0 = JSON.parse(await readFile(join(root, 'catalog', ranges[0]!), 'utf8')).articles as Record<string, ArticleRecord>;
    const [oneId, oneRecord] = Object.entries(library0)[0]!;
    await writeFile(join(root, 'catalog', `${oneId.slice(-2)}.json`), JSON.stringify({ changeNumber: 2, journal: 1, articles: { [oneId]: oneRecord } }));
    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(3);
    const library = await expectEverythingKept();
    expect(library.notices).toEqual([`library: upgraded ${root}: format 3 → 4: catalog shards by range of ids`]);
    await library.close();
    expect(await catalogNames()).toEqual(ranges);
  });

  it('is not upgraded when an old shard is damaged: the library stays format 3, untouched, and the error names the file', async () => {
    const [name] = await catalogNames();
    await writeFile(join(root, 'catalog', name!), '{"changeNumber": 2, "arti');
    const names = await catalogNames();
    await expect(Library.open(root)).rejects.toThrow(`library: cannot upgrade ${root}: ${join(root, 'catalog', name!)} is damaged`);
    expect(await catalogNames()).toEqual(names);
    expect(JSON.parse(await readFile(join(root, 'cuttings.json'), 'utf8')).version).toBe(3);
  });
});
