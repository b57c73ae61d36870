// Writing changed tags in batches of whole catalog shards: each shard once, with progress,
// from each record as it is when its batch is written.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { PartialWriteError, writeInBatches, type TagStore } from '../../../../main/core/organise/tag-store';
import { shardOf } from '../../../../main/core/storage/shards';

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
  it('writes each shard once, whole shards to a batch, with progress after each batch', async () => {
    const { records, batches, store } = memoryStore(300);
    const progress: number[] = [];
    const written = await writeInBatches(store, [...records.keys()], (tags) => [...tags, 'new'], (done) => progress.push(done), 64);
    expect(written.length).toBe(300);
    expect(batches.flat().map((record) => record.id).sort()).toEqual([...records.keys()].sort());
    const seen = new Set<string>();
    for (const batch of batches) {
      for (const shard of new Set(batch.map((record) => shardOf(record.id)))) {
        expect(seen.has(shard)).toBe(false);
        seen.add(shard);
      }
    }
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
