// A page picked out of many matches without sorting them all is the slice of the sorted list,
// in every order, whether the newest matches come last (as documents are numbered) or first.
import { describe, expect, it } from 'vitest';
import { matchOrder, pageOfMatches, type Match } from '../../../../main/core/search/search-results';
import type { SearchRecord } from '../../../../main/core/search/search-record';

function match(doc: number): Match {
  const record = { id: `01J${String(doc).padStart(8, '0')}`, title: '', tags: [], published: doc % 5 === 0 ? null : `2022-0${1 + (doc % 9)}-10` } as unknown as SearchRecord;
  return { doc, record, score: (doc * 7919) % 13 };
}

describe('pageOfMatches', () => {
  it('gives the slice of every match sorted, for every order and from either end', () => {
    const oldestFirst = Array.from({ length: 5_000 }, (_, doc) => match(doc));
    for (const matches of [oldestFirst, [...oldestFirst].reverse()]) {
      for (const sort of ['relevance', 'clipped', 'published'] as const) {
        const sorted = [...matches].sort(matchOrder(sort));
        for (const offset of [0, 40, 300]) {
          // 8 × (offset + limit) stays under 5,000: the page is picked out, not sorted whole.
          expect(pageOfMatches([...matches], sort, offset, 100).map((picked) => picked.doc)).toEqual(sorted.slice(offset, offset + 100).map((picked) => picked.doc));
        }
      }
    }
  });
});
