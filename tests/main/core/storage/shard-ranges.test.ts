// Finding an id's catalog shard among ranges of ids, and where a shard past the bound is cut.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FIRST_SHARD, isShardFile, SHARD_BOUND, ShardRanges, splitPoints } from '../../../../main/core/storage/shard-ranges';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** A ULID-shaped id from a seed, spread over the whole space. */
function id(seed: number): string {
  const bytes = createHash('sha256').update(String(seed)).digest();
  return Array.from(bytes.subarray(0, 26), (byte) => CROCKFORD[byte % 32]).join('');
}

describe('ShardRanges', () => {
  it('finds the shard whose range holds an id: the last start at or below it, the first shard for ids below every start', () => {
    const starts = Array.from({ length: 300 }, (_, i) => id(i));
    const ranges = new ShardRanges([FIRST_SHARD, ...starts]);
    const sorted = [FIRST_SHARD, ...starts].sort();
    for (let i = 1000; i < 3000; i++) {
      const wanted = id(i);
      const expected = sorted.filter((start) => start <= wanted).at(-1)!;
      expect(ranges.shardOf(wanted)).toBe(expected);
    }
    for (const start of starts) expect(ranges.shardOf(start)).toBe(start);
    expect(new ShardRanges(['01J00000000000000000000000']).shardOf('00000000000000000000000001')).toBe('01J00000000000000000000000');
  });

  it('says where each range ends, and takes a new start in order', () => {
    const ranges = new ShardRanges([FIRST_SHARD, '01J00000000000000000000000']);
    expect(ranges.endOf(FIRST_SHARD)).toBe('01J00000000000000000000000');
    expect(ranges.endOf('01J00000000000000000000000')).toBeNull();
    ranges.add('01H00000000000000000000000');
    expect(ranges.list()).toEqual([FIRST_SHARD, '01H00000000000000000000000', '01J00000000000000000000000']);
    expect(ranges.shardOf('01HZ0000000000000000000000')).toBe('01H00000000000000000000000');
    expect(() => ranges.add('x')).toThrow('catalog: "x" cannot start a shard');
  });

  it('starts with the first shard while there is none', () => {
    expect(new ShardRanges().shardOf(id(1))).toBe(FIRST_SHARD);
  });

  it('knows a shard file by its 26-character name', () => {
    expect(isShardFile(`${FIRST_SHARD}.json`)).toBe(true);
    expect(isShardFile('01JH3V5Q7M0X2K9T4B6N8C1D2E.json')).toBe(true);
    expect(isShardFile('2E.json')).toBe(false);
    expect(isShardFile('.01JH3V5Q7M0X2K9T4B6N8C1D2E.json.1.tmp')).toBe(false);
  });
});

describe('splitPoints', () => {
  const ids = (count: number) => Array.from({ length: count }, (_, i) => id(i)).sort();

  it('halves an older range at its median until no piece is past the bound', () => {
    for (const count of [SHARD_BOUND + 1, 3 * SHARD_BOUND, 5 * SHARD_BOUND + 7]) {
      const sorted = ids(count);
      const points = splitPoints(sorted, false);
      const sizes = [0, ...points.map((point) => sorted.indexOf(point)), count].map((at, i, all) => (i === 0 ? 0 : at - all[i - 1]!)).slice(1);
      expect(sizes.reduce((a, b) => a + b)).toBe(count);
      for (const size of sizes) {
        expect(size).toBeLessThanOrEqual(SHARD_BOUND);
        expect(size).toBeGreaterThanOrEqual(Math.floor(SHARD_BOUND / 2));
      }
    }
    const sorted = ids(SHARD_BOUND + 1);
    expect(splitPoints(sorted, false)).toEqual([sorted[(SHARD_BOUND + 1) >> 1]]);
  });

  it('cuts the newest range a bound at a time from its lowest, the rest staying newest', () => {
    const sorted = ids(2 * SHARD_BOUND + 5);
    expect(splitPoints(sorted, true)).toEqual([sorted[SHARD_BOUND], sorted[2 * SHARD_BOUND]]);
  });

  it('leaves a shard within the bound whole', () => {
    expect(splitPoints(ids(SHARD_BOUND), false)).toEqual([]);
    expect(splitPoints(ids(SHARD_BOUND), true)).toEqual([]);
  });
});
