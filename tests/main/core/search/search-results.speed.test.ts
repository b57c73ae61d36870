// A shortcut taken for speed gives the same answers as the plain way: a page of results
// picked out without sorting every match (search-snapshot.speed.test.ts has the other).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../../main/core/storage/article-record';
import { useTempLibrary } from '../../../temp-library';

describe('a page of search results', () => {
  const temp = useTempLibrary();

  beforeEach(async () => {
    const sources = ['Wire', 'Herald', 'Gazette'];
    const tags = [['politics/uk'], ['politics/us', 'economy'], [], ['economy/markets', 'politics']];
    for (let i = 0; i < 90; i++) {
      const words = 'market '.repeat(1 + (i % 5)) + (i % 3 === 0 ? 'markets ' : '') + 'news';
      await temp.library.addText({
        text: `Story ${i}\n\nThe ${words} of day ${i}.`,
        source: sources[i % 3],
        tags: tags[i % 4],
        ...(i % 7 === 0 ? {} : { published: `20${10 + (i % 9)}-0${1 + (i % 9)}-1${i % 10}` }),
      });
    }
  });

  it('is the same slice of the whole sorted list, for every order', async () => {
    for (const sort of ['relevance', 'clipped', 'published'] as const) {
      for (const query of ['market', 'mark', '', 'news -markets', 'market tag:politics']) {
        const all = await temp.library.search(query, { sort, limit: 1000 });
        for (const offset of [0, 3, 17]) {
          const page = await temp.library.search(query, { sort, limit: 5, offset });
          expect(page.hits).toEqual(all.hits.slice(offset, offset + 5));
          expect(page.total).toBe(all.total);
          // The facets count every match, commonest first, whatever the page.
          expect(JSON.stringify(page.facets)).toBe(JSON.stringify(all.facets));
          expect(JSON.stringify(all.facets)).toBe(JSON.stringify(countPlainly(all.hits.map((hit) => temp.library.record(hit.id)))));
        }
      }
    }
  });
});

/** The facets counted the plain way, then put commonest first, ties alphabetically. */
function countPlainly(records: ArticleRecord[]) {
  const facets = { tags: {} as Record<string, number>, sources: {} as Record<string, number>, years: {} as Record<string, number> };
  const bump = (counts: Record<string, number>, key: string) => {
    counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const record of records) {
    const levels = new Set<string>();
    for (const tag of record.tags) {
      const parts = tag.split('/');
      for (let depth = 1; depth <= parts.length; depth++) levels.add(parts.slice(0, depth).join('/'));
    }
    for (const level of levels) bump(facets.tags, level);
    if (record.source) bump(facets.sources, record.source);
    if (record.published) bump(facets.years, record.published.slice(0, 4));
  }
  const sorted = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)));
  return { tags: sorted(facets.tags), sources: sorted(facets.sources), years: sorted(facets.years) };
}
