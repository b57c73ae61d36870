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

/** Requests made of main at once for the rows in view. */
const IN_FLIGHT = 2;
/** Pages a range is fetched in at once: main answers at most 500 rows a request. */
const RUN = 5;

/** Fetches one page of a query from main. */
export type FetchPage = (request: SearchRequest) => Promise<SearchResults | undefined>;

/** The pages of one query: which are loaded, which are on their way, and which the list wants. */
export class ListingPages {
  private readonly loaded = new Set<number>();
  private readonly fetching = new Map<number, Promise<void>>();
  /** Requests on their way. */
  private requests = 0;
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

  /**
   * Fetches every page from row `first` to row `last` not loaded yet, runs of up to RUN pages
   * a request, one request at a time; resolves once they have come (or failed).
   */
  async load(first: number, last: number): Promise<void> {
    const end = Math.floor(Math.min(last, this.total - 1) / PAGE_SIZE);
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= end && !this.closed; page++) {
      if (this.loaded.has(page)) continue;
      const coming = this.fetching.get(page);
      if (coming) {
        await coming;
        continue;
      }
      let run = 1;
      while (run < RUN && page + run <= end && !this.loaded.has(page + run) && !this.fetching.has(page + run)) run++;
      await this.fetch(page, run);
      page += run - 1;
    }
  }

  /** Another query is listed: answers still on their way are dropped. */
  close(): void {
    this.closed = true;
  }

  private pump(): void {
    const [first, last] = this.wanted;
    for (let page = Math.floor(first / PAGE_SIZE); page * PAGE_SIZE <= last && this.requests < IN_FLIGHT; page++) {
      if (!this.loaded.has(page) && !this.fetching.has(page) && !this.failed.has(page)) void this.fetch(page).then(() => this.pump());
    }
  }

  /** Fetches `run` pages from `page` in one request. */
  private fetch(page: number, run = 1): Promise<void> {
    const offset = page * PAGE_SIZE;
    const pages = Array.from({ length: run }, (_, at) => page + at);
    this.requests++;
    const fetched = this.fetchPage({ query: this.query, limit: run * PAGE_SIZE, offset, sort: this.sort }).then((results) => {
      this.requests--;
      for (const each of pages) this.fetching.delete(each);
      if (this.closed) return;
      for (const each of pages) (results ? this.loaded : this.failed).add(each);
      if (results) this.onPage(offset, results);
    });
    for (const each of pages) this.fetching.set(each, fetched);
    return fetched;
  }
}
