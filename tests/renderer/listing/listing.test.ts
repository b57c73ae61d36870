/**
 * The listing: what the article list shows, held in one place. Every article, a tag's, or a
 * search's hits a page at a time; a refused query keeps what was listed; an answer that comes
 * after a later request is dropped.
 */
import { describe, expect, it } from 'vitest';
import type { SearchRequest } from '../../../common/api';
import type { ArticleSummary, SearchHit, SearchResults } from '../../../common/article';
import { ApiCallError } from '../../../renderer/helpers/api-client';
import { Listing, PAGE_SIZE, type ListingEvent, type ListingSource } from '../../../renderer/listing/listing';

function summary(id: string, tags: string[] = []): ArticleSummary {
  return { id, title: `Article ${id}`, url: null, source: null, author: null, published: null, clipped: '2022-01-21T10:00:00Z', tags, excerpt: '', words: 10, lang: null };
}

function hit(id: string, tags: string[] = []): SearchHit {
  return { ...summary(id, tags), score: 1, snippet: `…${id}…`, terms: ['talks'] };
}

function results(total: number, hits: SearchHit[], titlesOnly?: boolean): SearchResults {
  return { total, hits, facets: { tags: {}, sources: {}, years: {} }, ...(titlesOnly ? { titlesOnly } : {}) };
}

/** A stand-in for main that records the searches asked of it. */
function source(answer: (request: SearchRequest) => Promise<SearchResults>, articles: ArticleSummary[] = []): ListingSource & { requests: SearchRequest[] } {
  const requests: SearchRequest[] = [];
  return {
    requests,
    listArticles: async () => articles,
    search: (request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

function record(listing: Listing): ListingEvent[] {
  const events: ListingEvent[] = [];
  listing.subscribe((event) => events.push(event));
  return events;
}

describe('Listing', () => {
  it('lists every article with no text, or those with the tag or one below it', async () => {
    const all = [summary('a', ['ukraine/diplomacy']), summary('b', ['sport']), summary('c', ['Ukraine'])];
    const listing = new Listing(source(async () => results(0, []), all));
    const events = record(listing);
    await listing.reload();
    listing.setTag('ukraine');
    await listing.reload();
    const listed = events.filter((event) => event.type === 'listed');
    expect(listed.map((event) => event.items.map((item) => item.summary.id))).toEqual([['a', 'b', 'c'], ['a', 'c']]);
    expect(listed.every((event) => event.search === null && event.articles?.length === 3)).toBe(true);
    expect(events.map((event) => event.type)).toEqual(['query', 'listed', 'tag', 'query', 'listed']);
    expect(listing.total).toBe(2);
    expect(listing.query).toBe('tag:"ukraine"');
  });

  it('searches for the text with the tag added, then fetches the next page from where it left off', async () => {
    const main = source(async (request) => results(150, Array.from({ length: request.offset ? 50 : PAGE_SIZE }, (_, n) => hit(`${request.offset ?? 0}-${n}`))));
    const listing = new Listing(main);
    const events = record(listing);
    listing.setTag('ukraine');
    listing.setText('  talks ');
    await listing.reload();
    expect(main.requests).toEqual([{ query: 'talks tag:"ukraine"', limit: PAGE_SIZE, sort: 'relevance' }]);
    expect(listing.total).toBe(150);
    expect(listing.allLoaded).toBe(false);
    await listing.loadMore();
    expect(main.requests[1]).toEqual({ query: 'talks tag:"ukraine"', limit: PAGE_SIZE, offset: PAGE_SIZE, sort: 'relevance' });
    expect(listing.allLoaded).toBe(true);
    await listing.loadMore();
    expect(main.requests).toHaveLength(2);
    const more = events.find((event) => event.type === 'more');
    expect(more?.type === 'more' && more.items).toHaveLength(50);
  });

  it('keeps what was listed when main refuses the text, and says why', async () => {
    const listing = new Listing(
      source(async (request) => {
        if (request.query.includes('(')) throw new ApiCallError('invalid-input', 'query: unclosed parenthesis at 6');
        return results(1, [hit('a')]);
      }),
    );
    const events = record(listing);
    listing.setText('talks');
    await listing.reload();
    listing.setText('talks (');
    await listing.reload();
    expect(events.at(-1)).toEqual({ type: 'refused', message: 'query: unclosed parenthesis at 6' });
    expect(listing.total).toBe(1);
  });

  it('drops an answer that comes after a later listing was asked for', async () => {
    let release: (value: SearchResults) => void = () => undefined;
    const listing = new Listing(source((request) => (request.query === 'slow' ? new Promise((resolve) => (release = resolve)) : Promise.resolve(results(1, [hit('fast')])))));
    const events = record(listing);
    listing.setText('slow');
    const slow = listing.reload();
    listing.setText('fast');
    await listing.reload();
    release(results(1, [hit('slow')]));
    await slow;
    const listed = events.filter((event) => event.type === 'listed');
    expect(listed.map((event) => event.items[0]?.summary.id)).toEqual(['fast']);
  });

  it('searches again for a new order only when there is text', async () => {
    const main = source(async () => results(0, []));
    const listing = new Listing(main);
    listing.setSort('published');
    expect(main.requests).toHaveLength(0);
    listing.setText('talks');
    listing.setSort('clipped');
    await Promise.resolve();
    expect(main.requests).toEqual([{ query: 'talks', limit: PAGE_SIZE, sort: 'clipped' }]);
  });

  it('narrows the search by a filter, keeping an OR whole, and has the search box show the text', async () => {
    const main = source(async () => results(0, []));
    const listing = new Listing(main);
    const events = record(listing);
    listing.setText('kyiv OR kiev');
    listing.narrow('published:2022');
    await Promise.resolve();
    expect(events[0]).toEqual({ type: 'text', text: '(kyiv OR kiev) published:2022' });
    expect(main.requests[0]?.query).toBe('(kyiv OR kiev) published:2022');
  });

  it('drops a tag no longer in the library, but keeps a level that still has tags under it', () => {
    const listing = new Listing(source(async () => results(0, [])));
    listing.setTag('ukraine');
    expect(listing.dropMissingTag([{ tag: 'ukraine/diplomacy', count: 2 }])).toBe(false);
    expect(listing.tag).toBe('ukraine');
    expect(listing.dropMissingTag([{ tag: 'sport', count: 1 }])).toBe(true);
    expect(listing.tag).toBeNull();
  });

  it('says whether the results came from titles alone', async () => {
    const listing = new Listing(source(async () => results(1, [hit('a')], true)));
    listing.setText('talks');
    await listing.reload();
    expect(listing.titlesOnly).toBe(true);
    listing.setText('');
    await listing.reload();
    expect(listing.titlesOnly).toBe(false);
  });
});
