/**
 * The library's searches, from a query string to what the window and the CLI show: the query
 * parsed (common/query.ts), the last word matched as a prefix while the user types, the page
 * answered by the search index (in its worker) or, while the index loads, from the titles
 * alone, and each hit given its summary. Exports, bulk tagging, the timeline and tag rules
 * take every matching record the same way.
 */
import type { SearchRequest, SearchSort } from '../../../common/api';
import type { SearchFacets, SearchHit, SearchResults } from '../../../common/article';
import { CuttingsError } from '../../../common/errors';
import { describeQueryError, parseSearchQuery, type QueryNode } from '../../../common/query';
import { withNoteMatches } from '../notes/note-search';
import { toSummary, type ArticleRecord } from '../storage/article-record';
import type { Catalog } from '../storage/catalog';
import { matchTitles, withTypingPrefix } from './query-evaluator';
import { answerQuery, type PageAnswer, type PageRequest } from './search-results';
import type { SearchService } from './search-service';
import { makeSnippet } from './snippet';

/** What searching needs of the library. */
export interface SearchedLibrary {
  catalog: Catalog;
  search: SearchService;
  /** An article's text, for snippets. */
  textOf(id: string): Promise<string>;
  /** Throws unless the library may be written (reindex writes the snapshot). */
  assertWritable(): void;
}

/** How many hits a search answered in pages builds (snippets and all) at a time. */
export const HITS_PER_PAGE = 500;

/**
 * A search answered a page of hits at a time (see LibrarySearch.searchInPages): the total and
 * facets at once, then the hits in order, each page built only when it is asked for.
 */
export interface PagedResults {
  total: number;
  facets: SearchFacets;
  pages: AsyncGenerator<SearchHit[], void, undefined>;
}

/** Searches one library. */
export class LibrarySearch {
  constructor(
    private readonly library: SearchedLibrary,
    /** Whether searches answer from titles while the index loads, rather than wait (the app's choice). */
    private readonly titlesWhileLoading: boolean,
  ) {}

  /**
   * Searches with the query language of common/query.ts: words ANDed, "phrases", OR, NOT
   * and -word, word* and word~, parentheses, and the field filters tag:, source:, author:,
   * title:, lang:, url:, published: and clipped:. The last word also matches as a prefix
   * unless the query ends in a space. An empty query lists every article. A query that does
   * not parse is an `invalid-input` error naming the fault and its position.
   */
  async search(query: string, options: Omit<SearchRequest, 'query'> = {}): Promise<SearchResults> {
    const { catalog, search } = this.library;
    const limit = options.limit ?? 50;
    const offset = options.offset ?? 0;
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));

    let titlesOnly = this.titlesWhileLoading && search.status().state !== 'ready';
    if (titlesOnly) {
      const ready = search.ensureReady().catch(() => undefined);
      // Titles are searched in the catalog's records. While those are still being read (a
      // large library opened by its summary: 7.6 s at 1,000,000, against 3.4 s for the
      // index), whichever is ready first answers.
      await Promise.race([catalog.loadAll().catch(() => undefined), ready]);
      titlesOnly = search.status().state !== 'ready';
    }
    // While the user is still typing the last word (no space after it), it matches as a prefix.
    const tree = parsed.query === null || /\s$/u.test(query) ? parsed.query : withTypingPrefix(parsed.query);
    const request = { query: tree, sort: options.sort ?? 'relevance', offset, limit };
    // The index's worker evaluates the query beside the index and sends back a page; only
    // while it loads does this thread search, and then titles alone.
    const answer = titlesOnly ? await this.searchTitles(request) : await search.search(request);
    const hits: SearchHit[] = answer.page.flatMap(({ id, score, snippet }) => {
      const record = catalog.get(id);
      return record ? [{ ...toSummary(record), score, terms: answer.matched, snippet: snippet ?? record.excerpt }] : [];
    });
    return {
      total: answer.total,
      hits,
      facets: answer.facets,
      ...(titlesOnly && parsed.query !== null ? { titlesOnly: true } : {}),
    };
  }

  /**
   * Searches as search() does, for answers of any size: the query is evaluated once, the
   * matching articles kept as ids and scores only (`limit` of them, or all for Infinity), and
   * the hits — summaries and snippets — built a page of {@link HITS_PER_PAGE} at a time as
   * `pages` is read, so that a script taking 100,000 results holds each page only while it
   * writes it. Waits for the search index.
   */
  async searchInPages(query: string, options: { limit: number; sort?: SearchSort }): Promise<PagedResults> {
    const { catalog, search } = this.library;
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));
    const tree = parsed.query === null || /\s$/u.test(query) ? parsed.query : withTypingPrefix(parsed.query);
    const limit = Math.min(options.limit, catalog.size);
    const answer = await search.search({ query: tree, sort: options.sort ?? 'relevance', offset: 0, limit, snippets: false });
    const { matched } = answer;
    const hitOf = async ({ id, score }: { id: string; score: number }): Promise<SearchHit | null> => {
      const record = catalog.get(id);
      if (!record) return null;
      // The snippet as the search worker cuts it; an article whose text cannot be read shows its excerpt.
      const text = matched.length > 0 ? await this.library.textOf(id).catch(() => null) : null;
      return { ...toSummary(record), score, terms: matched, snippet: (text === null ? null : makeSnippet(text, matched)) ?? record.excerpt };
    };
    async function* pages(): AsyncGenerator<SearchHit[], void, undefined> {
      for (let from = 0; from < answer.page.length; from += HITS_PER_PAGE) {
        const hits = await Promise.all(answer.page.slice(from, from + HITS_PER_PAGE).map(hitOf));
        yield hits.filter((hit): hit is SearchHit => hit !== null);
      }
    }
    return { total: answer.total, facets: answer.facets, pages: pages() };
  }

  /**
   * Every article a query matches, newest clipped first, without snippets: what an export
   * of "the current query" takes (the same articles search() counts). Waits for the search index. A query that does not parse
   * is an `invalid-input` error, as in search().
   */
  async matchingRecords(query: string): Promise<ArticleRecord[]> {
    const { catalog, search } = this.library;
    const parsed = parseSearchQuery(query);
    if (!parsed.ok) throw new CuttingsError('invalid-input', describeQueryError(query, parsed.error));
    if (parsed.query === null) return [...(await catalog.allInSlices())];
    // The same matches as search() shows: the last word is a prefix unless a space follows it.
    const tree = /\s$/u.test(query) ? parsed.query : withTypingPrefix(parsed.query);
    const answer = await search.search({ query: tree, sort: 'clipped', offset: 0, limit: catalog.size, snippets: false });
    const records: ArticleRecord[] = [];
    for (const { id } of answer.page) {
      const record = catalog.get(id);
      if (record) records.push(record);
    }
    return records.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** Every article a parsed query matches, taken as written (no typing prefix). */
  async recordsMatchingTree(query: QueryNode): Promise<ArticleRecord[]> {
    const { catalog, search } = this.library;
    if (catalog.size === 0) return [];
    const answer = await search.search({ query, sort: 'clipped', offset: 0, limit: catalog.size, snippets: false });
    return answer.page.flatMap(({ id }) => catalog.get(id) ?? []);
  }

  /** Throws away the search index and builds it again from every capture, then saves it. */
  async reindex(onProgress?: (done: number, total: number) => void): Promise<number> {
    this.library.assertWritable();
    const count = await this.library.search.rebuild(onProgress);
    await this.library.search.saveIfChanged();
    return count;
  }

  /** Answers a query from the catalog's titles, without the index (which is still loading). */
  private async searchTitles(request: PageRequest): Promise<PageAnswer> {
    await this.library.catalog.loadAll();
    const records = this.library.catalog.all();
    return answerQuery(request, {
      count: records.length,
      record: (doc) => records[doc],
      matchTerms: withNoteMatches((queries) => matchTitles(records, queries), () => records.length, (doc) => records[doc]),
      text: async (doc) => this.library.textOf(records[doc]!.id),
    });
  }
}
