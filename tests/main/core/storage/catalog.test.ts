import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { Catalog } from '../../../../main/core/storage/catalog';
import { FIRST_SHARD, SHARD_BOUND } from '../../../../main/core/storage/shard-ranges';
import { makeTempFolder } from '../../../paths';
import { testRecord } from './test-record';

let folder: { path: string; remove: () => Promise<void> };
beforeEach(async () => (folder = await makeTempFolder()));
afterEach(() => folder.remove());

const record = testRecord;

describe('Catalog', () => {
  it('writes only the shard an edit touches', async () => {
    const { catalog } = await Catalog.load(folder.path);
    // SHARD_BOUND + 36 ids in order: the newest shard is cut after SHARD_BOUND of them.
    const ids = Array.from({ length: SHARD_BOUND + 36 }, (_, i) => `01HA${String(i).padStart(22, '0')}`);
    await catalog.apply(new Map(ids.map((id) => [id, record(id)] as [string, ArticleRecord])));
    expect((await readdir(folder.path)).sort()).toEqual([`${FIRST_SHARD}.json`, `${ids[SHARD_BOUND]!}.json`]);
    const before = await stat(join(folder.path, `${ids[SHARD_BOUND]!}.json`));
    await catalog.apply(new Map([[ids[3]!, record(ids[3]!, ['x'])]]));
    const after = await stat(join(folder.path, `${ids[SHARD_BOUND]!}.json`));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
    const first = JSON.parse(await readFile(join(folder.path, `${FIRST_SHARD}.json`), 'utf8'));
    expect(first.changeNumber).toBe(2);
    expect(first.articles[ids[3]!].tags).toEqual(['x']);
  });

  it('keeps both of two changes to one shard made at the same time (a tag edit during an import)', async () => {
    const { catalog } = await Catalog.load(folder.path);
    // An import's batch touches many shards, AA among them, and is written in bulk.
    const batch = new Map(Array.from({ length: 40 }, (_, i) => {
      const id = `01HAAAAAAAAAAAAAAAAAAAAA${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`;
      return [id, record(id)] as [string, ArticleRecord];
    }));
    const edited = '01HBBBBBBBBBBBBBBBBBBBBBAA';
    await Promise.all([catalog.apply(batch), catalog.apply(new Map([[edited, record(edited, ['x'])]]))]);
    const { catalog: again } = await Catalog.load(folder.path);
    expect(again.get(edited)?.tags).toEqual(['x']);
    expect(again.size).toBe(41);
  });

  it('writes batch after batch of new articles as JSON.stringify would, and edits among them too', async () => {
    const { catalog } = await Catalog.load(folder.path);
    const ids = (batch: number) =>
      Array.from({ length: 60 }, (_, i) => `01HC${String(batch).padStart(2, '0')}AAAAAAAAAAAAAAAAA${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`);
    // Three bulk batches of new articles (the second appended to what the first wrote), then a
    // bulk change that edits some of them and adds others, then a single edit.
    for (const batch of [1, 2, 3]) await catalog.apply(new Map(ids(batch).map((id) => [id, record(id)] as [string, ArticleRecord])));
    const edited = ids(2).map((id) => [id, record(id, ['edited'])] as [string, ArticleRecord]);
    await catalog.apply(new Map([...edited, ...ids(4).map((id) => [id, record(id)] as [string, ArticleRecord])]));
    await catalog.apply(new Map([[ids(1)[0]!, record(ids(1)[0]!, ['single'])]]));
    await catalog.apply(new Map(ids(5).map((id) => [id, record(id)] as [string, ArticleRecord])));
    for (const name of await readdir(folder.path)) {
      const text = await readFile(join(folder.path, name), 'utf8');
      expect(text).toBe(JSON.stringify(JSON.parse(text)));
    }
    const { catalog: again } = await Catalog.load(folder.path);
    expect(again.size).toBe(300);
    expect(again.get(ids(2)[5]!)?.tags).toEqual(['edited']);
    expect(again.get(ids(1)[0]!)?.tags).toEqual(['single']);
    expect(again.all().map((r) => r.id).sort()).toEqual([1, 2, 3, 4, 5].flatMap(ids).sort());
  });

  it('reads back what it wrote, newest first, with tag counts', async () => {
    const { catalog } = await Catalog.load(folder.path);
    await catalog.apply(new Map([
      ['01HAAAAAAAAAAAAAAAAAAAAA01', record('01HAAAAAAAAAAAAAAAAAAAAA01', ['Ukraine'])],
      ['01HAAAAAAAAAAAAAAAAAAAAA02', record('01HAAAAAAAAAAAAAAAAAAAAA02', ['ukraine', 'talks'])],
    ]));
    const { catalog: again, damaged } = await Catalog.load(folder.path);
    expect(damaged).toEqual([]);
    expect(again.all().map((r) => r.id)).toEqual(['01HAAAAAAAAAAAAAAAAAAAAA02', '01HAAAAAAAAAAAAAAAAAAAAA01']);
    expect(again.tags()).toEqual([{ tag: 'Ukraine', count: 2 }, { tag: 'talks', count: 1 }]);
    expect(again.spellingOf('UKRAINE')).toBe('Ukraine');
  });

  it('reports a shard that does not parse and leaves it untouched', async () => {
    const { writeFile } = await import('node:fs/promises');
    const name = '01HZZZZZZZZZZZZZZZZZZZZZZZ.json';
    await writeFile(join(folder.path, name), '{"changeNumber": 3, "articles": {');
    const { catalog, damaged } = await Catalog.load(folder.path);
    expect(catalog.size).toBe(0);
    expect(damaged).toHaveLength(1);
    expect(damaged[0]!.reason).toContain(`library: ${join(folder.path, name)} is damaged and was left untouched`);
    expect(await readFile(join(folder.path, name), 'utf8')).toBe('{"changeNumber": 3, "articles": {');
  });
});
