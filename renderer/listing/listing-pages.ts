/**
 * The pages of one listed query, fetched from main as the list comes to them: the list says
 * which rows are in view (want), and the pages holding them are asked for, at most two at a
 * time, always for the rows in view last. Rows scrolled past before their page was asked for
 * are never fetched, so dragging the scroll bar from the top of 100,000 articles to the end
 * costs the pages where it stops, not the thousand between.
 */
import type { SearchRequest, SearchSort } from '../../common/api';
import type { SearchResults } from '../../common/article';

/** Rows fetched per page. */
export const PAGE_SIZE = 100;

/** Pages asked of main at once. */
const IN_FLIGHT = 2;

/** Fetches one page of a query from main. */
export type FetchPage = (request: SearchRequest) => Promise<SearchResults | undefined>;

/** The pages of one query: which are loaded, which are on their way, and which the list wants. */
export class ListingPages {
  private readonly loaded = new Set<number>();
  private readonly fetching = new Map<number, Promise<void>>();
  /** Pages main did not answer (the error was shown): not asked for again for this query. */
  private readonly failed = new Set<number>();
  /** The rows in view last, first to last. */
  private wanted: [number, number] = [0, -1];
  private closed = false;

  constructor(
    readonly query: string,
    readonly sort: SearchSort,
    /** How many rows the query has, as its first page said. */
    public total: number,
    private readonly fetchPage: FetchPage,
    /** A page came: its rows, from `offset`. */
    private readonly onPage: (offset: number, results: SearchResults) => void,
  ) {
    if (total > 0) this.loaded.add(0);
  }

  /** Whether every page is loaded. */
  get allLoaded(): boolean {
    return this.loaded.size >= Math.ceil(this.total / PAGE_SIZE);
  }

  /** The list shows rows `first` to `last`: fetches the pages of those not loaded. */
  want(first: number, last: number): void {
    this.wanted = [Math.max(0, first), Math.min(last, this.total - 1)];
    this.pump();
  }

  /** Fetches every page from row `first` to row `last` not loaded yet, a page at a time; resolves once they have come (or failed). */
  async load(first: number, last: number): Promise<void> {
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page * PAGE_SIZE <= Math.min(last, this.total - 1) && !this.closed; page++) {
      if (!this.loaded.has(page)) await (this.fetching.get(page) ?? this.fetch(page));
    }
  }

  /** Another query is listed: answers still on their way are dropped. */
  close(): void {
    this.closed = true;
  }

  private pump(): void {
    const [first, last] = this.wanted;
    for (let page = Math.floor(first / PAGE_SIZE); page * PAGE_SIZE <= last && this.fetching.size < IN_FLIGHT; page++) {
      if (!this.loaded.has(page) && !this.fetching.has(page) && !this.failed.has(page)) void this.fetch(page).then(() => this.pump());
    }
  }

  private fetch(page: number): Promise<void> {
    const offset = page * PAGE_SIZE;
    const fetched = this.fetchPage({ query: this.query, limit: PAGE_SIZE, offset, sort: this.sort }).then((results) => {
      this.fetching.delete(page);
      if (this.closed) return;
      if (!results) {
        this.failed.add(page);
        return;
      }
      this.loaded.add(page);
      this.onPage(offset, results);
    });
    this.fetching.set(page, fetched);
    return fetched;
  }
}
