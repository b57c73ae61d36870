import { describe, expect, it } from 'vitest';
import { SavedIds } from '../../../../main/core/duplicates/saved-ids';

describe('the ids of a saved duplicate index', () => {
  it('gives back each id by its ordinal, whatever its bytes, over more than one slice and appended to', async () => {
    const ids = Array.from({ length: 120_001 }, (_, i) => (i % 1000 === 7 ? `01ÄÉ${i}` : `01HA${String(i).padStart(22, '0')}`));
    const saved = await SavedIds.of(ids.slice(0, 100_000));
    const more = await SavedIds.of(ids.slice(100_000), saved);
    expect(more.length).toBe(ids.length);
    for (const ordinal of [0, 7, 1007, 99_999, 100_000, 100_007, 120_000]) expect(more.at(ordinal)).toBe(ids[ordinal]);
    expect([saved.at(-1), saved.at(100_000), more.at(120_001)]).toEqual([undefined, undefined, undefined]);
  });

  it('refuses starts that do not end where the bytes do', () => {
    expect(() => new SavedIds(Buffer.from('abc'), Uint32Array.of(0, 2))).toThrow('saved ids: 1 ids do not end where their 3 bytes do');
  });
});
