// A shard's next text made by appending to its text on disk is exactly JSON.stringify of its
// next content, or refused when the text on disk is not the shard the catalog holds.
import { describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { appendedShardText } from '../../../../main/core/storage/shard-json';

const record = (id: string, title: string) => ({ id, title, tags: ['a', 'b/c'], clipped: '2026-01-01T00:00:00.000Z', excerpt: 'Quote "this" — é' }) as unknown as ArticleRecord;
const shard = (changeNumber: number, articles: Record<string, ArticleRecord>, journal?: number) => ({ changeNumber, ...(journal !== undefined ? { journal } : {}), articles });

describe('appendedShardText', () => {
  it('gives the text JSON.stringify gives of the shard with the new articles last, with or without a journal number', () => {
    const before = { A1: record('A1', 'One') };
    const added: [string, ArticleRecord][] = [['B2', record('B2', 'Two ünïcode')], ['C3', record('C3', 'Three')]];
    for (const journal of [undefined, 7]) {
      const onDisk = Buffer.from(JSON.stringify(shard(4, before, journal === undefined ? undefined : journal - 1)));
      const next = shard(5, { ...before, ...Object.fromEntries(added) }, journal);
      expect(appendedShardText(onDisk, 4, next, added)?.toString('utf8')).toBe(JSON.stringify(next));
    }
  });

  it('appends to a shard whose articles are empty', () => {
    const onDisk = Buffer.from(JSON.stringify(shard(1, {})));
    const next = shard(2, { D4: record('D4', 'Four') });
    expect(appendedShardText(onDisk, 1, next, [['D4', record('D4', 'Four')]])?.toString('utf8')).toBe(JSON.stringify(next));
  });

  it('refuses text of another change number, text that is not a shard, and a shard cut short', () => {
    const onDisk = Buffer.from(JSON.stringify(shard(4, { A1: record('A1', 'One') })));
    const next = shard(5, {});
    expect(appendedShardText(onDisk, 3, next, [])).toBeNull();
    expect(appendedShardText(Buffer.from('{"articles":{},"changeNumber":4}'), 4, next, [])).toBeNull();
    expect(appendedShardText(onDisk.subarray(0, onDisk.length - 6), 4, next, [])).toBeNull();
  });
});
