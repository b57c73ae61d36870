// The in-process engine (what the worker runs): a snapshot preloaded is what the next load of
// the same library takes — even once the file is gone —, and only that load.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InProcessSearchEngine } from '../../../../main/core/search/search-engine';
import { saveSnapshot, snapshotPath } from '../../../../main/core/search/search-snapshot';
import { SearchIndex } from '../../../../main/core/search/search-index';
import { makeTempFolder } from '../../../paths';

const coverage = { shardVersions: { '01HX0': 1 }, shards: ['01HX0'], ids: ['01HX0000000000000000000001'], signatures: ['s'] };

async function libraryWith(root: string, title: string): Promise<void> {
  const index = SearchIndex.create();
  index.add({ id: '01HX0000000000000000000001', title, text: `${title} in the text`, source: null, author: null, lang: 'en', url: null, published: null, clipped: '2024-05-01T09:00:00.000Z', tags: [] });
  await saveSnapshot(root, index, coverage);
  index.close();
}

describe('InProcessSearchEngine.preload', () => {
  let folder: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    folder = await makeTempFolder();
  });
  afterEach(() => folder.remove());

  const total = async (engine: InProcessSearchEngine, root: string, word: string) =>
    (await engine.search(root, { query: { kind: 'term', text: word, prefix: false, fuzzy: false, field: null }, sort: 'relevance', offset: 0, limit: 10, snippets: false })).total;

  it('gives the next load of the same library what it read, and the load after that the file', async () => {
    const harbour = join(folder.path, 'harbour');
    const geneva = join(folder.path, 'geneva');
    await libraryWith(harbour, 'Harbour');
    await libraryWith(geneva, 'Geneva');
    const engine = new InProcessSearchEngine();
    await engine.preload(harbour);
    await rm(snapshotPath(harbour));
    // Read before the file went: the load takes it, and it lacks no shard.
    expect(await engine.load(harbour, { '01HX0': 1 })).toMatchObject({ behind: [] });
    expect(await total(engine, harbour, 'harbour')).toBe(1);
    await engine.preload(geneva);
    expect(await engine.load(geneva, { '01HX0': 1 })).toMatchObject({ behind: [] });
    expect(await total(engine, geneva, 'geneva')).toBe(1);
    // Taken once: a second load reads the file, which is gone, and finds nothing.
    expect(await engine.load(geneva, { '01HX0': 1 })).toMatchObject({ behind: [] });
    expect(await engine.load(harbour, { '01HX0': 1 })).toBeNull();
    expect(await total(engine, harbour, 'harbour')).toBe(0);
    await engine.close();
  });
});
