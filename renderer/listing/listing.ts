/**
 * What the article list shows, held in one place. It depends on the search text (typed in
 * the search box, or put there by a facet, a timeline bar or a saved search), the sidebar's
 * tag and the sort menu:
 *
 *   neither text nor tag   every article (listArticles), newest first
 *   a tag only             every article with that tag or one below it, filtered here
 *   search text            search hits from main, a page at a time, the tag added as `tag:"…"`,
 *                          in the order the sort menu says, with facets to narrow them by
 *
 * The list, the sidebar, the search box, the facets, the list's header, the status bar, the
 * timeline and the bulk bar show it: each subscribes to the listing's events and draws its
 * part, and none of them keeps a copy of its state. A query main refuses (it does not parse)
 * leaves the last results listed; the parts show them dimmed, with main's message, until the
 * text parses again.
 */
import type { SearchRequest, SearchSort } from '../../common/api';
import type { ArticleSummary, SearchResults, TagCount } from '../../common/article';
import { isTagUnder, tagKey } from '../../common/tags';
import { ApiCallError, attempt, call, reportError } from '../helpers/api-client';
import { hasTag, listedQuery, refineQuery, withTag } from './listing-query';

/** Search hits fetched per page. */
export const PAGE_SIZE = 100;

/** One row: an article, and for a search hit the snippet and the terms it matched. */
export interface ListItem {
  summary: ArticleSummary;
  snippet?: string;
  terms?: readonly string[];
}

/** A search's answer, with the query sent for it (the text with the tag). */
export interface ListedSearch {
  query: string;
  results: SearchResults;
}

/** What the listing tells the parts of the window that show it. */
export type ListingEvent =
  /** A search text was put in from elsewhere than the search box (as given: the box shows it so). */
  | { type: 'text'; text: string }
  /** The sidebar's tag changed; a new listing follows when the owner asks for it. */
  | { type: 'tag'; tag: string | null }
  /** A new listing is being fetched for this text and tag. */
  | { type: 'query'; text: string; tag: string | null }
  /**
   * It came: the rows, and main's answer for a search (null when no text was searched). When
   * no text was searched, `articles` is every article of the library, whatever the tag.
   */
  | { type: 'listed'; text: string; tag: string | null; items: ListItem[]; search: ListedSearch | null; articles: ArticleSummary[] | null }
  /** Main refused the search text (it does not parse); what was listed stays. */
  | { type: 'refused'; message: string }
  /** The next page of search hits, for the end of the list. */
  | { type: 'more'; items: ListItem[] };

/** Where the listing reads articles from: main, through the API (a stand-in in tests). */
export interface ListingSource {
  listArticles(): Promise<ArticleSummary[]>;
  search(request: SearchRequest): Promise<SearchResults>;
}

const FROM_MAIN: ListingSource = {
  listArticles: () => call('listArticles'),
  search: (request) => call('search', request),
};

/** The pages of a search fetched so far, for loading more and for "every result". */
interface SearchPages {
  query: string;
  sort: SearchSort;
  total: number;
  loaded: number;
  loading: boolean;
}

/** The listing; one per window. */
export class Listing {
  private searchText = '';
  private chosenTag: string | null = null;
  private chosenSort: SearchSort = 'relevance';
  /** Counts the listings asked for, so that a slow answer for an earlier one is dropped. */
  private generation = 0;
  private pages: SearchPages | null = null;
  /** How many rows have been listed (the rows the list holds). */
  private rows = 0;
  private fromTitles = false;
  private readonly listeners: ((event: ListingEvent) => void)[] = [];

  constructor(private readonly source: ListingSource = FROM_MAIN) {}

  /** Calls `listener` with every event, in the order the listeners subscribed. */
  subscribe(listener: (event: ListingEvent) => void): void {
    this.listeners.push(listener);
  }

  /** The search text, trimmed, as typed so far ('' when there is none). */
  get text(): string {
    return this.searchText;
  }

  /** The sidebar's tag the listing is narrowed to, or null. */
  get tag(): string | null {
    return this.chosenTag;
  }

  /** The order of search results. */
  get sort(): SearchSort {
    return this.chosenSort;
  }

  /** The search text with the tag, as sent to main (for saving the search or exporting it). */
  get searchQuery(): string {
    return withTag(this.searchText, this.chosenTag);
  }

  /** What is listed in the query language ('' for every article); null when the tag cannot be said in a query. */
  get query(): string | null {
    return listedQuery(this.searchText, this.chosenTag);
  }

  /** How many results the listing has, loaded or not. */
  get total(): number {
    return this.pages?.total ?? this.rows;
  }

  /** Whether every result is loaded (no search pages left to fetch). */
  get allLoaded(): boolean {
    return this.pages === null || this.pages.loaded >= this.pages.total;
  }

  /** Whether the results listed came from titles alone (the search index was loading). */
  get titlesOnly(): boolean {
    return this.fromTitles;
  }

  /** Takes the search text as typed; the search box asks for the listing once typing pauses. */
  setText(text: string): void {
    this.searchText = text.trim();
  }

  /** Searches for a text at once, and has the search box show it. */
  search(text: string): void {
    this.searchText = text.trim();
    this.emit({ type: 'text', text });
    void this.reload();
  }

  /** Narrows the search by a filter (`tag:"…"`, `published:2022-03-01..2022-03-31`): a facet or a timeline bar. */
  narrow(clause: string): void {
    this.search(refineQuery(this.searchText, clause));
  }

  /** Narrows the listing to a tag (and the tags below it), or to none. */
  setTag(tag: string | null): void {
    this.chosenTag = tag;
    this.emit({ type: 'tag', tag });
  }

  /** Sets the order of search results, and searches again if there is text. */
  setSort(sort: SearchSort): void {
    this.chosenSort = sort;
    if (this.searchText !== '') void this.reload();
  }

  /**
   * The library's tags changed: a tag the listing is narrowed to that is no longer there is
   * dropped (a level that is no tag of its own stays while a tag is under it). True if it was.
   */
  dropMissingTag(tags: readonly TagCount[]): boolean {
    if (this.chosenTag === null) return false;
    const wanted = tagKey(this.chosenTag);
    if (tags.some((candidate) => isTagUnder(candidate.tag, wanted))) return false;
    this.setTag(null);
    return true;
  }

  /** Fetches what should be listed for the text, tag and sort now. */
  async reload(): Promise<void> {
    const mine = ++this.generation;
    const text = this.searchText;
    const tag = this.chosenTag;
    this.emit({ type: 'query', text, tag });
    if (text === '') {
      this.pages = null;
      this.fromTitles = false;
      const all = await attempt(() => this.source.listArticles());
      if (!all || mine !== this.generation) return;
      const shown = tag === null ? all : all.filter((summary) => hasTag(summary, tag));
      this.rows = shown.length;
      this.emit({ type: 'listed', text, tag, items: shown.map((summary) => ({ summary })), search: null, articles: all });
      return;
    }
    const query = withTag(text, tag);
    const sort = this.chosenSort;
    let results: SearchResults;
    try {
      results = await this.source.search({ query, limit: PAGE_SIZE, sort });
    } catch (error) {
      if (mine !== this.generation) return;
      // The text does not parse: say why, and keep what was listed until it does.
      if (error instanceof ApiCallError && error.code === 'invalid-input') this.emit({ type: 'refused', message: error.message });
      else reportError(error);
      return;
    }
    if (mine !== this.generation) return;
    const items = hitsToItems(results, tag);
    this.pages = { query, sort, total: results.total, loaded: results.hits.length, loading: false };
    this.fromTitles = results.titlesOnly === true;
    this.rows = items.length;
    this.emit({ type: 'listed', text, tag, items, search: { query, results }, articles: null });
  }

  /** Fetches the next page of search hits (the list was scrolled near its end). */
  async loadMore(): Promise<void> {
    const pages = this.pages;
    if (!pages || pages.loading || pages.loaded >= pages.total) return;
    pages.loading = true;
    const mine = this.generation;
    const results = await attempt(() => this.source.search({ query: pages.query, limit: PAGE_SIZE, offset: pages.loaded, sort: pages.sort }));
    // Done either way: these results may still be listed (dimmed) if the next query fails.
    pages.loading = false;
    if (mine !== this.generation || this.pages !== pages || !results) return;
    pages.loaded += results.hits.length;
    if (results.hits.length === 0) pages.total = pages.loaded;
    const items = hitsToItems(results, this.chosenTag);
    this.rows += items.length;
    this.emit({ type: 'more', items });
  }

  private emit(event: ListingEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** A search's hits as rows; a tag with a double quote cannot be written in the query (see withTag), so it is matched here. */
function hitsToItems(results: SearchResults, tag: string | null): ListItem[] {
  return results.hits
    .filter((hit) => tag === null || !tag.includes('"') || hasTag(hit, tag))
    .map((hit) => ({ summary: hit, snippet: hit.snippet, terms: hit.terms }));
}
