// A shortcut taken for speed gives the same answers as the plain way: the coverage in compact
// form between threads (search-results.speed.test.ts has the other).
import { describe, expect, it } from 'vitest';
import { compactCoverage, expandCoverage, shardCoverage } from '../../../../main/core/search/snapshot-coverage';

describe('the compact forms between threads', () => {
  it('carry a coverage whole, empty shards included', () => {
    const coverage = { shardVersions: { a0: 3, b1: 1, c2: 7 }, indexed: { a0: { x1a0: 'k1', y2a0: 'k2' }, b1: {}, c2: { z3c2: 'k3' } } };
    const compact = compactCoverage(coverage);
    expect(expandCoverage(structuredClone(compact))).toEqual(coverage);
    expect(shardCoverage(compact, 'a0')).toEqual({ x1a0: 'k1', y2a0: 'k2' });
    expect(shardCoverage(compact, 'b1')).toEqual({});
    expect(shardCoverage(compact, 'zz')).toEqual({});
  });
});
