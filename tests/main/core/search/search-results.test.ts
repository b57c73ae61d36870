// A page picked out of many matches without sorting them all is the slice of the sorted list,
// in every order, whether the newest matches come last (as documents are numbered) or first.
import { describe, expect, it } from 'vitest';
import { docOrder, pageOfDocs } from '../../../../main/core/search/search-results';
import type { SearchRecord } from '../../../../main/core/search/search-record';

const COUNT = 5_000;
const records = Array.from({ length: COUNT }, (_, doc) => ({ id: `01J${String(doc).padStart(8, '0')}`, title: '', tags: [], published: doc % 5 === 0 ? null : `2022-0${1 + (doc % 9)}-10` }) as unknown as SearchRecord);
const scores = Float64Array.from({ length: COUNT }, (_, doc) => (doc * 7919) % 13);

describe('pageOfDocs', () => {
  it('gives the slice of every match sorted, for every order and from either end', () => {
    const oldestFirst = Array.from({ length: COUNT }, (_, doc) => doc);
    for (const docs of [oldestFirst, [...oldestFirst].reverse()]) {
      for (const sort of ['relevance', 'clipped', 'published'] as const) {
        const order = docOrder(sort, { id: (doc) => records[doc]!.id, published: (doc) => records[doc]!.published }, scores);
        const sorted = [...docs].sort(order);
        for (const offset of [0, 40, 300]) {
          // 8 × (offset + limit) stays under 5,000: the page is picked out, not sorted whole.
          expect(pageOfDocs([...docs], order, offset, 100)).toEqual(sorted.slice(offset, offset + 100));
        }
      }
    }
  });

  it('orders by relevance as newest first when nothing was scored', () => {
    const order = docOrder('relevance', { id: (doc) => records[doc]!.id, published: (doc) => records[doc]!.published }, null);
    expect(pageOfDocs([3, 9, 1, 7], order, 0, 3)).toEqual([9, 7, 3]);
  });
});
