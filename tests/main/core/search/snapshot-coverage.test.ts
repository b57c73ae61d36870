import { describe, expect, it } from 'vitest';
import { compactCoverage, coverageBehind } from '../../../../main/core/search/snapshot-coverage';

describe('what a snapshot lacks of the catalog', () => {
  it('names the shards whose change number moved, came or went, with only their ids and signatures', () => {
    const coverage = compactCoverage({
      shardVersions: { A: 3, B: 5, C: 1 },
      indexed: { A: { a1: 's1', a2: 's2' }, B: { b1: 's3' }, C: { c1: 's4' } },
    });
    // A is as indexed; B moved on; C is gone (its articles went to another shard); D is new.
    const { behind, coverage: part } = coverageBehind(coverage, { A: 3, B: 6, D: 1 });
    expect(behind.sort()).toEqual(['B', 'C', 'D']);
    expect(part).toEqual({ shardVersions: { B: 5, C: 1 }, shards: ['B', 'C'], ids: ['b1', 'c1'], signatures: ['s3', 's4'] });
    expect(coverageBehind(coverage, { A: 3, B: 5, C: 1 })).toEqual({ behind: [], coverage: { shardVersions: {}, shards: [], ids: [], signatures: [] } });
  });
});
