import { describe, expect, it } from 'vitest';
import { matchTitles } from '../../../../main/core/search/query-evaluator';
import type { SearchRecord } from '../../../../main/core/search/search-record';

function records(titles: string[]): SearchRecord[] {
  return titles.map((title, i) => ({ id: `ID${String(i).padStart(24, '0')}`, title, source: null, author: null, lang: 'en', url: null, published: null, clipped: '2024-01-01T00:00:00Z', tags: [] }));
}

describe('answering words from titles while the index loads', () => {
  it('finds a word and a typed prefix in the titles, with the words it matched', async () => {
    const list = records(['Peace talks stall in Geneva', 'Harbour reopens', 'Talking about talks']);
    const [talks, harb] = await matchTitles(list, [
      { text: 'talks', prefix: false, fuzzy: false, fields: null },
      { text: 'harb', prefix: true, fuzzy: false, fields: null },
    ]);
    expect(talks!.docs).toEqual([0, 2]);
    expect(harb!.docs).toEqual([1]);
    expect(harb!.matched).toEqual(['harbour']);
  });

  it('lets the thread go while it goes through a long list, rather than holding it for the whole library', async () => {
    const list = records(Array.from({ length: 60_000 }, (_, i) => (i === 59_999 ? 'The last lighthouse' : `Article number ${i}`)));
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const [answer] = await matchTitles(list, [{ text: 'lighthouse', prefix: false, fuzzy: false, fields: null }]);
    clearInterval(ticking);
    expect(answer!.docs).toEqual([59_999]);
    expect(turns).toBeGreaterThan(1);
  });
});
