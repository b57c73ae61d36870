/**
 * What the article list shows, held in one place. It depends on the search text (typed in
 * the search box, or put there by a facet, a timeline bar or a saved search), the sidebar's
 * tag and the sort menu. Main answers every case a page at a time (listing-pages.ts), as the
 * list comes to the rows, so that the window never holds the whole library:
 *
 *   neither text nor tag   the empty query: every article, newest clipped first
 *   a tag only             `tag:"…"`: the articles with that tag or one below it, newest first
 *   search text            the search hits, the tag added as `tag:"…"`, in the order the sort
 *                          menu says, with facets to narrow them by
 *
 * Every tag can be said in a query: a quote or backslash in it is escaped (listing-query.ts).
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
import { ListingPages, PAGE_SIZE } from './listing-pages';
import { listedQuery, refineQuery, withTag } from './listing-query';

export { PAGE_SIZE } from './listing-pages';

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
   * It came: the first page of rows (from row 0) of `total`, the others to come as `page`
   * events when the list wants them (want); main's answer for a search (null when no text
   * was searched); and, when the whole library is listed (no text, no tag), its count of
   * articles per tag, a parent counting each article under it once (the sidebar's tree).
   */
  | { type: 'listed'; text: string; tag: string | null; items: ListItem[]; total: number; search: ListedSearch | null; libraryTags: Record<string, number> | null }
  /** Main refused the search text (it does not parse); what was listed stays. */
  | { type: 'refused'; message: string }
  /** A later page of what is listed: its rows, from row `offset`. */
  | { type: 'page'; offset: number; items: ListItem[] };

/** Where the listing reads articles from: main, through the API (a stand-in in tests). */
export interface ListingSource {
  search(request: SearchRequest): Promise<SearchResults>;
}

const FROM_MAIN: ListingSource = {
  search: (request) => call('search', request),
};

/** The listing; one per window. */
export class Listing {
  private searchText = '';
  private chosenTag: string | null = null;
  private chosenSort: SearchSort = 'relevance';
  /** Counts the listings asked for, so that a slow answer for an earlier one is dropped. */
  private generation = 0;
  /** The pages of what is listed; null until the first answer. */
  private pages: ListingPages | null = null;
  /** How many rows are listed, loaded or not. */
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

  /** What is listed in the query language ('' for every article). */
  get query(): string {
    return listedQuery(this.searchText, this.chosenTag);
  }

  /** How many results the listing has, loaded or not. */
  get total(): number {
    return this.rows;
  }

  /** Whether every result is loaded (no pages left to fetch). */
  get allLoaded(): boolean {
    return this.pages === null || this.pages.allLoaded;
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

  /** Fetches what should be listed for the text, tag and sort now: its first page. */
  async reload(): Promise<void> {
    const mine = ++this.generation;
    const text = this.searchText;
    const tag = this.chosenTag;
    this.emit({ type: 'query', text, tag });
    const query = listedQuery(text, tag);
    // Without text, the newest first whatever the sort menu says, as the library is shown.
    const sort = text === '' ? 'clipped' : this.chosenSort;
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
    this.pages?.close();
    const searched = text !== '';
    this.pages = new ListingPages(query, sort, results.total, (request) => attempt(() => this.source.search(request)), (offset, page) => {
      if (mine === this.generation) this.emit({ type: 'page', offset, items: hitsToItems(page, searched) });
    });
    this.fromTitles = results.titlesOnly === true;
    this.rows = results.total;
    this.emit({
      type: 'listed',
      text,
      tag,
      items: hitsToItems(results, searched),
      total: results.total,
      search: searched ? { query: withTag(text, tag), results } : null,
      libraryTags: !searched && tag === null ? results.facets.tags : null,
    });
  }

  /** The list shows rows `first` to `last`: the pages holding those not loaded are fetched. */
  want(first: number, last: number): void {
    this.pages?.want(first, last);
  }

  /** Fetches every row from `first` to `last` not loaded yet (a Shift range over them); resolves once they have come. */
  async load(first: number, last: number): Promise<void> {
    await this.pages?.load(first, last);
  }

  private emit(event: ListingEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/** A page's hits as rows: with the snippet and the words matched when text was searched, as articles otherwise. */
function hitsToItems(results: SearchResults, searched: boolean): ListItem[] {
  return results.hits.map((hit) => (searched ? { summary: hit, snippet: hit.snippet, terms: hit.terms } : { summary: hit }));
}
