import { describe, expect, it } from 'vitest';
import { HashPostings, PairBuffer } from '../../../../main/core/duplicates/hash-postings';

/** Every ordinal the postings give for a hash, sorted. */
function lookUp(postings: HashPostings, hash: number): number[] {
  const found: number[] = [];
  postings.forEach(hash, (ordinal) => found.push(ordinal));
  return found.sort((a, b) => a - b);
}

describe('hash postings', () => {
  it('gives every ordinal filed under a hash, the lowest and highest 32-bit hashes too, and nothing for a hash never filed', async () => {
    const pairs = new PairBuffer();
    for (const [hash, ordinal] of [[7, 1], [0xffffffff, 2], [7, 3], [0, 4], [7, 1], [0x10000, 5]] as const) pairs.push(hash, ordinal);
    const postings = await HashPostings.sorted(pairs);
    expect(lookUp(postings, 7)).toEqual([1, 1, 3]);
    expect(lookUp(postings, 0xffffffff)).toEqual([2]);
    expect(lookUp(postings, 0)).toEqual([4]);
    expect(lookUp(postings, 0x10000)).toEqual([5]);
    expect(lookUp(postings, 8)).toEqual([]);
  });

  it('finds pairs added after sorting beside the sorted ones, and counts them', async () => {
    const pairs = new PairBuffer();
    pairs.push(9, 0);
    const postings = await HashPostings.sorted(pairs);
    postings.add(9, 10);
    postings.add(11, 12);
    expect(lookUp(postings, 9)).toEqual([0, 10]);
    expect(lookUp(postings, 11)).toEqual([12]);
    expect(postings.addedSince).toBe(2);
  });

  it('answers as a plain map would for 300,000 random pairs (more than one slice of the sort, the buffer grown many times)', async () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const pairs = new PairBuffer();
    const expected = new Map<number, number[]>();
    for (let ordinal = 0; ordinal < 300_000; ordinal++) {
      // Hashes from a small range as well as the whole one, so that many share a hash.
      const hash = ordinal % 3 === 0 ? random() % 5000 : random();
      pairs.push(hash, ordinal);
      expected.set(hash, [...(expected.get(hash) ?? []), ordinal]);
    }
    const postings = await HashPostings.sorted(pairs);
    let checked = 0;
    for (const [hash, ordinals] of expected) {
      if (checked++ % 37 !== 0 && hash >= 5000) continue;
      expect(lookUp(postings, hash)).toEqual(ordinals);
    }
  });
});
