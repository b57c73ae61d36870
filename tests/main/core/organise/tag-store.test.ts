// Writing changed tags in batches of runs of ids in order (the catalog's shards are ranges of
// ids): each shard in one batch or two, with progress, from each record as it is when its
// batch is written.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { PartialWriteError, writeInBatches, type TagStore } from '../../../../main/core/organise/tag-store';

/** A store over records in memory that notes each write. */
function memoryStore(count: number, failAt = Infinity) {
  const records = new Map<string, ArticleRecord>();
  for (let i = 0; i < count; i++) {
    const id = `01J${String(i).padStart(23, '0')}`;
    records.set(id, { id, tags: ['old'] } as unknown as ArticleRecord);
  }
  const batches: ArticleRecord[][] = [];
  const store = {
    get: (id: string) => records.get(id),
    write: async (batch: ArticleRecord[]) => {
      if (batches.length === failAt) throw new Error('disk full');
      batches.push(batch);
      for (const record of batch) records.set(record.id, record);
    },
  } as unknown as TagStore;
  return { records, batches, store };
}

describe('writing in batches', () => {
  it('writes runs of ids in order, so that a range of ids is in one batch or two, with progress after each batch', async () => {
    const { records, batches, store } = memoryStore(300);
    const progress: number[] = [];
    // Asked for out of order: the batches are runs of ids in order all the same.
    const ids = [...records.keys()].sort((a, b) => (a.slice(-1) + a).localeCompare(b.slice(-1) + b));
    const written = await writeInBatches(store, ids, (tags) => [...tags, 'new'], (done) => progress.push(done), 64);
    expect(written.length).toBe(300);
    expect(batches.flat().map((record) => record.id)).toEqual([...records.keys()].sort());
    for (let i = 1; i < batches.length; i++) expect(batches[i]![0]!.id > batches[i - 1]!.at(-1)!.id).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(300);
    expect(written[0]!.before.tags).toEqual(['old']);
    expect(written[0]!.after.tags).toEqual(['old', 'new']);
  });

  it('retags each record as it is when its batch is written, skipping the removed and the unchanged', async () => {
    const { records, batches, store } = memoryStore(3);
    const [a, b, c] = [...records.keys()] as [string, string, string];
    records.set(a, { id: a, tags: ['edited meanwhile'] } as unknown as ArticleRecord);
    records.delete(b);
    const written = await writeInBatches(store, [a, b, c], (tags, record) => (record.id === c ? null : [...tags, 'new']));
    expect(written.map(({ after }) => after.tags)).toEqual([['edited meanwhile', 'new']]);
    expect(batches.flat().map((record) => record.id)).toEqual([a]);
  });

  it('says what was written before a batch failed', async () => {
    const { records, store } = memoryStore(300, 2);
    const failure = await writeInBatches(store, [...records.keys()], (tags) => [...tags, 'new'], undefined, 64).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PartialWriteError);
    expect((failure as PartialWriteError).message).toBe('disk full');
    expect((failure as PartialWriteError).written.length).toBeGreaterThanOrEqual(128);
    expect((failure as PartialWriteError).written.length).toBeLessThan(300);
  });
});
