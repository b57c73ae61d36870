// A page picked out of many matches without sorting them all is the slice of the sorted list,
// in every order, whether the newest matches come last (as documents are numbered) or first.
import { describe, expect, it } from 'vitest';
import { decodeRecords, encodeRecords } from '../../../../main/core/search/record-columns';
import { RecordList } from '../../../../main/core/search/record-list';
import { answerQuery, docOrder, pageOfDocs } from '../../../../main/core/search/search-results';
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

describe('answerQuery facets', () => {
  /** Records whose tags nest and repeat, whose sources and dates repeat (or, with `distinctDates`, mostly differ), some missing. */
  function makeRecords(count: number, distinctDates: boolean): SearchRecord[] {
    const tagLists = [[], ['politics'], ['politics/uk', 'politics'], ['sport/football', 'sport/tennis'], ['tech', 'politics/uk/local'], ['Ünïcode/ß']];
    return Array.from({ length: count }, (_, doc) => ({
      id: `01K${String(doc).padStart(8, '0')}`,
      title: `Story ${doc}`,
      source: doc % 11 === 0 ? null : doc % 13 === 0 ? '' : `Source ${doc % 17}`,
      author: null,
      lang: 'en',
      url: null,
      published: doc % 7 === 0 ? null : distinctDates ? `${1990 + (doc % 30)}-01-01T00:00:${String(doc).padStart(8, '0')}` : `${2000 + (doc % 25)}-0${1 + (doc % 9)}-1${doc % 10}`,
      clipped: '2024-01-01T00:00:00.000Z',
      tags: tagLists[doc % tagLists.length]!,
    }));
  }

  /** The facets of the empty query over `list`, counted with the dictionaries or without. */
  async function facetsOf(list: RecordList, byColumn: boolean) {
    const answer = await answerQuery(
      { query: null, sort: 'clipped', offset: 0, limit: 10 },
      {
        count: list.length,
        record: (doc) => list.get(doc),
        keys: { id: (doc) => list.get(doc)?.id, published: (doc) => list.published(doc) ?? undefined },
        facetFields: (doc) => list.facetFields(doc),
        columnFacets: byColumn ? list.columnFacets() : null,
        matchTerms: () => [],
        text: async () => '',
      },
    );
    return JSON.stringify(answer.facets);
  }

  it('counts the records still as stored by their dictionaries exactly as record by record, with changed, removed and added ones', async () => {
    for (const distinctDates of [false, true]) {
      const records = makeRecords(3_000, distinctDates);
      const list = RecordList.over(decodeRecords(records.map((record) => record.id), encodeRecords(records)));
      // Dates that mostly differ are no dictionary: such a library is counted record by record.
      expect(list.columnFacets() === null).toBe(distinctDates);
      list.set(5, { ...records[5]!, tags: ['changed/here'], source: 'Changed', published: '1999-12-31' });
      list.set(6, undefined);
      list.push({ ...records[7]!, id: '01L00000001', tags: ['added'], source: 'Source 3' });
      const counted = await facetsOf(list, true);
      expect(counted).toBe(await facetsOf(list, false));
      const facets = JSON.parse(counted) as { tags: Record<string, number>; sources: Record<string, number>; years: Record<string, number> };
      expect(facets.tags['changed/here']).toBe(1);
      expect(facets.tags.added).toBe(1);
      expect(facets.sources.Changed).toBe(1);
      expect(facets.sources['']).toBeUndefined();
    }
  });
});
