// A library whose search snapshot cannot be used — written by version 7 (header first,
// postings loaded whole), cut short, or gone — opens, rebuilds the index from the catalog and
// captures, answers as before, and saves a snapshot of the current version in its place. One
// of version 8 (records as JSON rows) is still read, and written as the current version.
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../../main/core/search/search-index';
import { SNAPSHOT_VERSION, loadSnapshot, saveSnapshot, snapshotPath } from '../../../../main/core/search/search-snapshot';
import { TERMS_VERSION } from '../../../../main/core/search/search-terms';
import { useTempLibrary } from '../../../temp-library';

const temp = useTempLibrary();

/** The file as version 7 laid it out: magic line, u32 header length, JSON header, then the sections. */
function version7Snapshot(): Buffer {
  const header = Buffer.from(JSON.stringify({ version: 7, terms: TERMS_VERSION, coverage: { shardVersions: {}, shards: [], ids: [], signatures: [] }, sections: [] }), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.byteLength, 0);
  return Buffer.concat([Buffer.from('CUTTINGS-INDEX\n', 'latin1'), length, header, Buffer.alloc(64)]);
}

describe('a search snapshot that cannot be used', () => {
  it('is rebuilt from the catalog when it is of version 7, cut short or missing', async () => {
    const lavrov = await temp.library.addText({ text: 'Talks\n\nLavrov met the envoys in Geneva.' });
    const harbour = await temp.library.addText({ text: 'Harbour news\n\nThe harbour reopened after the storm.' });
    await temp.library.prepareSearch();
    await temp.library.close();
    const path = snapshotPath(temp.path);
    const current = await readFile(path);
    const damaged: [string, () => Promise<void>][] = [
      ['version 7', () => writeFile(path, version7Snapshot())],
      ['cut short', () => writeFile(path, current.subarray(0, current.length - 100))],
      ['missing', () => rm(path)],
    ];
    for (const [, damage] of damaged) {
      await mkdir(join(temp.path, 'index'), { recursive: true });
      await damage();
      await temp.reopen();
      expect((await temp.library.search('lavrov')).hits.map((hit) => hit.id)).toEqual([lavrov.id]);
      expect((await temp.library.search('harbour')).hits.map((hit) => hit.id)).toEqual([harbour.id]);
      await temp.library.close();
      // Saved anew at close, in the current format: the header at the end, its length in the last four bytes.
      const saved = await readFile(path);
      const headerLength = saved.readUInt32LE(saved.length - 4);
      expect(JSON.parse(saved.toString('utf8', saved.length - 4 - headerLength, saved.length - 4))).toMatchObject({ version: SNAPSHOT_VERSION, terms: TERMS_VERSION });
    }
    await temp.reopen();
  });
});

describe('a search snapshot of version 8', () => {
  it('is read as it is, without a rebuild, and written as the current version at the next save', async () => {
    // Made by saveSnapshot of version 8 (commit 2de79f2) from three articles: one tagged and
    // sourced, one with a note and a highlight, one without a title.
    const folder = join(temp.folder, 'v8');
    await cp(join(import.meta.dirname, '..', '..', '..', 'fixtures', 'search-snapshot-v8'), folder, { recursive: true });
    const header = (bytes: Buffer) => JSON.parse(bytes.toString('utf8', bytes.length - 4 - bytes.readUInt32LE(bytes.length - 4), bytes.length - 4)) as { version: number };
    expect(header(await readFile(snapshotPath(folder))).version).toBe(8);
    const loaded = (await loadSnapshot(folder))!;
    expect(loaded.coverage).toEqual({ shardVersions: { '01HX0': 3 }, shards: ['01HX0'], ids: ['01HX0000000000000000000001\n01HX0000000000000000000002\n01HX0000000000000000000003'], signatures: ['a\nb\nc'] });
    const harbour = [{ text: 'harbour', prefix: false, fuzzy: false, fields: null }];
    const idsOf = (index: SearchIndex) => Array.from(index.matchTerms(harbour)[0]!.docs, (doc) => index.record(doc)!.id).sort();
    expect(idsOf(loaded.index)).toEqual(['01HX0000000000000000000001', '01HX0000000000000000000003']);
    const records = [0, 1, 2].map((doc) => loaded.index.record(doc));
    expect(records[0]).toMatchObject({ title: 'Harbour reopens', source: 'Port Gazette', tags: ['shipping/ports'], published: '2024-04-30', url: 'https://example.org/harbour' });
    expect(records[1]).toMatchObject({ title: 'Talks in Genève', author: 'Ana Ruiz', lang: 'fr', note: 'follow up' });
    expect(records[2]).toMatchObject({ title: '', tags: ['shipping', 'x'], url: null });

    await saveSnapshot(folder, loaded.index, loaded.coverage);
    expect(header(await readFile(snapshotPath(folder))).version).toBe(SNAPSHOT_VERSION);
    const again = (await loadSnapshot(folder))!;
    expect([0, 1, 2].map((doc) => again.index.record(doc))).toEqual(records);
    expect(idsOf(again.index)).toEqual(['01HX0000000000000000000001', '01HX0000000000000000000003']);
    expect(again.coverage).toEqual(loaded.coverage);
    again.index.close();
    loaded.index.close();
  });
});
