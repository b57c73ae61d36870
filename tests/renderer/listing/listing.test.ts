/**
 * The listing: what the article list shows, held in one place. Every article, a tag's, or a
 * search's hits, each from main a page at a time as the list comes to the rows; a refused
 * query keeps what was listed; an answer that comes after a later request is dropped.
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

function results(total: number, hits: SearchHit[], titlesOnly?: boolean, tags: Record<string, number> = {}): SearchResults {
  return { total, hits, facets: { tags, sources: {}, years: {} }, ...(titlesOnly ? { titlesOnly } : {}) };
}

/** A stand-in for main that records the searches asked of it. */
function source(answer: (request: SearchRequest) => Promise<SearchResults>): ListingSource & { requests: SearchRequest[] } {
  const requests: SearchRequest[] = [];
  return {
    requests,
    search: (request) => {
      requests.push(request);
      return answer(request);
    },
  };
}

/** Lets the stand-in's answers and what they set off run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 10; turn++) await Promise.resolve();
}

function record(listing: Listing): ListingEvent[] {
  const events: ListingEvent[] = [];
  listing.subscribe((event) => events.push(event));
  return events;
}

describe('Listing', () => {
  it("lists every article newest first with no text, and a tag's articles with a tag, as main's empty and tag:\"…\" queries", async () => {
    const tags = { ukraine: 2, 'ukraine/diplomacy': 1 };
    const main = source(async (request) =>
      request.query === '' ? results(3, [hit('c', ['Ukraine']), hit('b'), hit('a', ['ukraine/diplomacy'])], false, tags) : results(2, [hit('c'), hit('a')], false, tags),
    );
    const listing = new Listing(main);
    const events = record(listing);
    await listing.reload();
    listing.setTag('ukraine');
    await listing.reload();
    expect(main.requests).toEqual([
      { query: '', limit: PAGE_SIZE, sort: 'clipped' },
      { query: 'tag:"ukraine"', limit: PAGE_SIZE, sort: 'clipped' },
    ]);
    const listed = events.filter((event) => event.type === 'listed');
    expect(listed.map((event) => [event.items.map((item) => item.summary.id), event.total])).toEqual([
      [['c', 'b', 'a'], 3],
      [['c', 'a'], 2],
    ]);
    // Rows of articles, not of hits: no snippet or matched words when nothing was searched.
    expect(listed[0]?.items[0]).toEqual({ summary: expect.objectContaining({ id: 'c' }) });
    // The whole library's tag counts come with the whole library only.
    expect(listed.map((event) => [event.search, event.libraryTags])).toEqual([
      [null, tags],
      [null, null],
    ]);
    expect(events.map((event) => event.type)).toEqual(['query', 'listed', 'tag', 'query', 'listed']);
    expect(listing.total).toBe(2);
    expect(listing.query).toBe('tag:"ukraine"');
  });

  it('lists the newest first without text whatever the sort menu says', async () => {
    const main = source(async () => results(0, []));
    const listing = new Listing(main);
    listing.setSort('relevance');
    await listing.reload();
    expect(main.requests).toEqual([{ query: '', limit: PAGE_SIZE, sort: 'clipped' }]);
  });

  it('searches for the text with the tag added, then fetches the page of the rows the list comes to', async () => {
    const main = source(async (request) => results(150, Array.from({ length: request.offset ? 50 : PAGE_SIZE }, (_, n) => hit(`${request.offset ?? 0}-${n}`))));
    const listing = new Listing(main);
    const events = record(listing);
    listing.setTag('ukraine');
    listing.setText('  talks ');
    await listing.reload();
    expect(main.requests).toEqual([{ query: 'talks tag:"ukraine"', limit: PAGE_SIZE, sort: 'relevance' }]);
    expect(listing.total).toBe(150);
    expect(listing.allLoaded).toBe(false);
    listing.want(90, 120);
    await settle();
    expect(main.requests[1]).toEqual({ query: 'talks tag:"ukraine"', limit: PAGE_SIZE, offset: PAGE_SIZE, sort: 'relevance' });
    expect(listing.allLoaded).toBe(true);
    listing.want(0, 149);
    await settle();
    expect(main.requests).toHaveLength(2);
    const page = events.find((event) => event.type === 'page');
    expect(page?.type === 'page' && [page.offset, page.items.length, page.items[0]?.snippet]).toEqual([PAGE_SIZE, 50, '…100-0…']);
  });

  it('asks for two pages at a time, for the rows in view last: rows scrolled past are not fetched', async () => {
    const waiting = new Map<number, () => void>();
    const main = source((request) => {
      const offset = request.offset ?? 0;
      if (offset === 0) return Promise.resolve(results(1000, [hit('first')]));
      return new Promise((resolve) => waiting.set(offset, () => resolve(results(1000, [hit(`at-${offset}`)]))));
    });
    const listing = new Listing(main);
    const events = record(listing);
    await listing.reload();
    listing.want(200, 250);
    listing.want(500, 550);
    listing.want(800, 850);
    expect(main.requests.map((request) => request.offset ?? 0)).toEqual([0, 200, 500]);
    waiting.get(200)!();
    await settle();
    expect(main.requests.map((request) => request.offset ?? 0)).toEqual([0, 200, 500, 800]);
    waiting.get(500)!();
    waiting.get(800)!();
    await settle();
    expect(events.filter((event) => event.type === 'page').map((event) => event.type === 'page' && event.offset)).toEqual([200, 500, 800]);
    expect(main.requests).toHaveLength(4);
  });

  it('loads every page of a range of rows on request (a Shift range over rows not loaded), five pages a request, and only those', async () => {
    const main = source(async (request) => results(2000, [hit(`at-${request.offset ?? 0}`)]));
    const listing = new Listing(main);
    const events = record(listing);
    await listing.reload();
    listing.want(300, 320);
    await settle();
    await listing.load(150, 920);
    expect(main.requests.map((request) => [request.offset ?? 0, request.limit])).toEqual([
      [0, PAGE_SIZE],
      [300, PAGE_SIZE],
      [100, 2 * PAGE_SIZE],
      [400, 5 * PAGE_SIZE],
      [900, PAGE_SIZE],
    ]);
    expect(events.filter((event) => event.type === 'page').map((event) => event.type === 'page' && event.offset)).toEqual([300, 100, 400, 900]);
  });

  it('drops a page that comes after another listing was asked for', async () => {
    let release: () => void = () => undefined;
    const main = source((request) => {
      if (!request.offset) return Promise.resolve(results(500, [hit(request.query)]));
      return new Promise((resolve) => (release = () => resolve(results(500, [hit('late')]))));
    });
    const listing = new Listing(main);
    const events = record(listing);
    listing.setText('first');
    await listing.reload();
    listing.want(300, 310);
    listing.setText('second');
    await listing.reload();
    release();
    await settle();
    expect(events.filter((event) => event.type === 'page')).toEqual([]);
  });

  it('lists a tag with quotes, straight or curly, by its query (the quotes escaped), a page at a time', async () => {
    const main = source(async () => results(1200, [hit('a0', ['say "no"'])]));
    const listing = new Listing(main);
    listing.setTag('say “no”');
    await listing.reload();
    expect(main.requests).toEqual([{ query: 'tag:"say \\“no\\”"', limit: PAGE_SIZE, sort: 'clipped' }]);
    expect(listing.query).toBe('tag:"say \\“no\\”"');
    expect(listing.total).toBe(1200);
    expect(listing.allLoaded).toBe(false);
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
    // As main answers: only a query with something in it is searched in titles alone.
    const listing = new Listing(source(async (request) => results(1, [hit('a')], request.query !== '')));
    listing.setText('talks');
    await listing.reload();
    expect(listing.titlesOnly).toBe(true);
    listing.setText('');
    await listing.reload();
    expect(listing.titlesOnly).toBe(false);
  });
});
