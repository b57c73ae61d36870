import { readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateIndex } from '../../../../main/core/duplicates/duplicate-index';
import { readDuplicateSnapshot, writeDuplicateSnapshot } from '../../../../main/core/duplicates/duplicate-snapshot';
import { findDuplicate } from '../../../../main/core/duplicates/find-duplicate';
import { SavedIds } from '../../../../main/core/duplicates/saved-ids';
import { SketchColumn } from '../../../../main/core/duplicates/sketch-column';
import { textSketch } from '../../../../main/core/duplicates/text-fingerprint';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { Catalog } from '../../../../main/core/storage/catalog';
import { SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { testRecord } from '../storage/test-record';

let folder: { path: string; remove: () => Promise<void> };
let shardsFolder: string;
let summary: string;
let snapshot: string;
beforeEach(async () => {
  folder = await makeTempFolder();
  shardsFolder = join(folder.path, 'catalog');
  summary = join(folder.path, 'index', 'catalog-summary.json');
  snapshot = join(folder.path, 'index', 'duplicates.bin');
});
afterEach(() => folder.remove());

/** Ids in order: SHARD_BOUND of them fill a shard. */
const idOf = (i: number) => `01HA${String(i).padStart(22, '0')}`;
const urlOf = (i: number) => `https://news.example.org/story-${i}`;

/** An article with an address, a text hash and a sketch of its own. */
function article(i: number): ArticleRecord {
  const base = testRecord(idOf(i));
  const text = `story ${i} ${Array.from({ length: 30 }, (_, j) => `word${(i * 31 + j * 7) % 1009}`).join(' ')}`;
  return { ...base, url: urlOf(i), provenance: { ...base.provenance, originalUrl: urlOf(i), textSha256: `sha-${i}`, textSketch: textSketch(text) } };
}

/** A probe that shares only the address of article i (another text, another hash). */
const probeFor = (i: number) => ({ urls: [`${urlOf(i)}?utm_source=newsletter`], text: 'another text', textSha256: 'another', textSketch: textSketch('another text entirely') });

async function openCatalog(): Promise<{ catalog: Catalog; index: DuplicateIndex }> {
  const { catalog } = await Catalog.load(shardsFolder, { summary });
  return { catalog, index: new DuplicateIndex(catalog, { path: snapshot, shards: catalog }) };
}

/** Closes as a writer does (library/open-library.ts closeLibrary): the summary, then the duplicate index. */
async function close(catalog: Catalog, index: DuplicateIndex): Promise<void> {
  await catalog.saveSummary();
  await index.save();
  await catalog.close();
}

/** Full shards of articles (three unless said), closed with the index made and saved. */
async function savedLibrary(shards = 3): Promise<void> {
  const { catalog, index } = await openCatalog();
  await catalog.apply(new Map(Array.from({ length: shards * SHARD_BOUND }, (_, i) => [idOf(i), article(i)] as [string, ArticleRecord])));
  expect((await index.candidates(probeFor(5))).map((record) => record.id)).toEqual([idOf(5)]);
  await close(catalog, index);
  expect((await readdir(shardsFolder)).length).toBe(shards);
}

describe('the duplicate index saved at close', () => {
  it('reads back the pairs, the ids and the stamps it was written with', async () => {
    const stamps = new Map([['01HA', { size: 10, mtimeMs: 1.5, ctimeMs: 2.5, ino: 7 }]]);
    const sketches = await SketchColumn.of(3, (ordinal) => [[7, 8], [], [1, 2, 3]][ordinal]!);
    await writeDuplicateSnapshot(snapshot, { stamps, hashes: Uint32Array.of(1, 5, 5, 9), ordinals: Uint32Array.of(2, 0, 1, 2), ids: await SavedIds.of(['a', 'b', 'é']), sketches });
    const read = await readDuplicateSnapshot(snapshot);
    expect(read && { stamps: read.stamps, hashes: [...read.hashes], ordinals: [...read.ordinals], ids: [0, 1, 2].map((ordinal) => read.ids.at(ordinal)), sketches: [0, 1, 2, 3].map((ordinal) => read.sketches.at(ordinal) && [...read.sketches.at(ordinal)!]) }).toEqual({
      stamps,
      hashes: [1, 5, 5, 9],
      ordinals: [2, 0, 1, 2],
      ids: ['a', 'b', 'é'],
      sketches: [[7, 8], [], [1, 2, 3], null],
    });
  });

  it('ignores a snapshot that is missing, cut short, of another format or not one at all', async () => {
    expect(await readDuplicateSnapshot(snapshot)).toBeNull();
    await writeDuplicateSnapshot(snapshot, { stamps: new Map(), hashes: Uint32Array.of(1), ordinals: Uint32Array.of(0), ids: await SavedIds.of(['a']), sketches: await SketchColumn.of(1, () => [4]) });
    const whole = await readFile(snapshot);
    await truncate(snapshot, whole.byteLength - 1);
    expect(await readDuplicateSnapshot(snapshot)).toBeNull();
    await writeFile(snapshot, Buffer.from(whole.toString('latin1').replace('"format":1', '"format":9'), 'latin1'));
    expect(await readDuplicateSnapshot(snapshot)).toBeNull();
    await writeFile(snapshot, 'CUTTINGS-DUPLICATES\n{}');
    expect(await readDuplicateSnapshot(snapshot)).toBeNull();
  });

  it('finds a duplicate at the next open by the saved index, reading only the shard of the article found', async () => {
    await savedLibrary();
    const { catalog, index } = await openCatalog();
    expect(catalog.unreadShards).toBe(3);
    expect((await index.candidates(probeFor(2 * SHARD_BOUND + 7))).map((record) => record.id)).toEqual([idOf(2 * SHARD_BOUND + 7)]);
    expect((await index.candidates({ ...probeFor(-1), textSha256: 'sha-9' })).map((record) => record.id)).toEqual([idOf(9)]);
    // Made from the catalog, it would have read all three.
    expect(catalog.unreadShards).toBe(1);
    await catalog.close();
  });

  it('turns away unread the articles found by one shared sketch hash whose sketches are not close, made or loaded', async () => {
    const hex = (hashes: number[]) => hashes.map((hash) => hash.toString(16).padStart(8, '0')).join('');
    const probeHashes = [5, ...Array.from({ length: 15 }, (_, i) => 900_000 + i)];
    const near = 2 * SHARD_BOUND + 40;
    // Every article's smallest hash is 5, the probe's too; article `near` shares 8 of 16 besides.
    const withSketch = (i: number): ArticleRecord => {
      const own = i === near ? [5, ...probeHashes.slice(1, 8), ...Array.from({ length: 8 }, (_, j) => 950_000 + j)] : [5, ...Array.from({ length: 15 }, (_, j) => 10_000 + i * 20 + j)];
      const record = article(i);
      return { ...record, provenance: { ...record.provenance, textSketch: hex(own) } };
    };
    const first = await openCatalog();
    await first.catalog.apply(new Map(Array.from({ length: 3 * SHARD_BOUND }, (_, i) => [idOf(i), withSketch(i)] as [string, ArticleRecord])));
    const probe = { urls: [], text: 'the story', textSha256: 'another', textSketch: hex(probeHashes) };
    const everyOne = [...first.catalog.all()];
    expect((await first.index.candidates(probe)).map((record) => record.id)).toEqual([idOf(near)]);
    await close(first.catalog, first.index);

    const { catalog, index } = await openCatalog();
    const candidates = await index.candidates(probe);
    expect(candidates.map((record) => record.id)).toEqual([idOf(near)]);
    expect(catalog.unreadShards).toBe(2);
    // findDuplicate reads the near one's text either way, and answers the same.
    const readText = async () => 'the story';
    expect(await findDuplicate(probe, candidates, readText)).toEqual(await findDuplicate(probe, everyOne, readText));
    await catalog.close();
  });

  it('files again the articles of a shard written since the index was saved, and forgets the removed', async () => {
    // Six shards, two of them written below: with most shards changed it would be made anew.
    await savedLibrary(6);
    // A session that never clips (an import, tag edits, a removal) leaves the snapshot as it was.
    const { catalog } = await openCatalog();
    const added = 6 * SHARD_BOUND - 1;
    await catalog.apply(new Map([[idOf(added + 1000), { ...article(added + 1000), id: idOf(added + 1000) }], [idOf(3), null]]));
    await catalog.saveSummary();
    await catalog.close();

    const reopened = await openCatalog();
    expect((await reopened.index.candidates(probeFor(added + 1000))).map((record) => record.id)).toEqual([idOf(added + 1000)]);
    expect(await reopened.index.candidates(probeFor(3))).toEqual([]);
    expect((await reopened.index.candidates(probeFor(4))).map((record) => record.id)).toEqual([idOf(4)]);
    await close(reopened.catalog, reopened.index);

    // Saved again with the change filed, the next open needs no shard read to find it.
    const third = await openCatalog();
    expect((await third.index.candidates(probeFor(added + 1000))).map((record) => record.id)).toEqual([idOf(added + 1000)]);
    expect(third.catalog.unreadShards).toBe((await readdir(shardsFolder)).length - 1);
    await third.catalog.close();
  });

  it('files the articles changed after it was loaded, and saves them for the next open', async () => {
    await savedLibrary();
    const { catalog, index } = await openCatalog();
    expect(await index.candidates(probeFor(5000))).toEqual([]);
    await catalog.apply(new Map([[idOf(5000), article(5000)]]));
    expect((await index.candidates(probeFor(5000))).map((record) => record.id)).toEqual([idOf(5000)]);
    await close(catalog, index);
    const reopened = await openCatalog();
    expect((await reopened.index.candidates(probeFor(5000))).map((record) => record.id)).toEqual([idOf(5000)]);
    await reopened.catalog.close();
  });

  it('is not written again when nothing it vouches for changed', async () => {
    await savedLibrary();
    const before = await stat(snapshot);
    const { catalog, index } = await openCatalog();
    await index.candidates(probeFor(1));
    await close(catalog, index);
    expect((await stat(snapshot)).ino).toBe(before.ino);
  });

  it('is made from the catalog when the snapshot cannot be used', async () => {
    await savedLibrary();
    await truncate(snapshot, 100);
    const { catalog, index } = await openCatalog();
    expect((await index.candidates(probeFor(2 * SHARD_BOUND + 7))).map((record) => record.id)).toEqual([idOf(2 * SHARD_BOUND + 7)]);
    expect(catalog.unreadShards).toBe(0);
    await close(catalog, index);
    expect(await readDuplicateSnapshot(snapshot)).not.toBeNull();
  });
});
