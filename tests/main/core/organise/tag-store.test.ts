// Writing changed records in batches of whole catalog shards: each shard once, with progress.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/article-record';
import { writeInBatches, type TagStore } from '../../../../main/core/organise/tag-store';
import { shardOf } from '../../../../main/core/storage/shards';

describe('writing in batches', () => {
  it('writes each shard once, whole shards to a batch, with progress after each batch', async () => {
    const records = Array.from({ length: 300 }, (_, i) => ({ id: `01J${String(i).padStart(23, '0')}`, tags: [] }) as unknown as ArticleRecord);
    const batches: ArticleRecord[][] = [];
    const store = { write: async (batch: ArticleRecord[]) => void batches.push(batch) } as unknown as TagStore;
    const progress: number[] = [];
    await writeInBatches(store, records, (done) => progress.push(done), 64);
    expect(batches.flat().map((record) => record.id).sort()).toEqual(records.map((record) => record.id).sort());
    const shardsOf = (batch: ArticleRecord[]) => new Set(batch.map((record) => shardOf(record.id)));
    const seen = new Set<string>();
    for (const batch of batches) {
      for (const shard of shardsOf(batch)) {
        expect(seen.has(shard)).toBe(false);
        seen.add(shard);
      }
    }
    expect(batches.length).toBeGreaterThan(1);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(300);
  });
});
