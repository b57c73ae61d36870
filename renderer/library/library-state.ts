/**
 * What the window knows of the library as a whole, read from main and handed to the parts that
 * show it: its folder and size (the sidebar's header, the window's title, the status bar's
 * "of N articles"), its tags with their counts and colours (the sidebar's tree, the colours on
 * the list's chips, the tag editor's suggestions, the Edit tag dialog), its saved searches
 * (the sidebar), and how far its search index has loaded (the status bar; a search answered
 * from titles alone is run again once the index is ready).
 */
import type { SavedSearch } from '../../common/api';
import type { TagCount } from '../../common/article';
import type { ArticleList } from '../components/article-list';
import type { Sidebar } from '../components/sidebar';
import type { StatusBar } from '../components/status-bar';
import type { TimestampStatus } from '../components/timestamp-status';
import { tagColours } from '../components/tag-tree';
import { attempt, call, messageOf } from '../helpers/api-client';
import { folderName } from '../helpers/format';
import type { Listing } from '../listing/listing';
import { IndexStatusWatcher } from './index-status';

/** The parts of the window that show the library. */
export interface LibraryParts {
  listing: Listing;
  sidebar: Sidebar;
  list: ArticleList;
  status: StatusBar;
  /** The status bar's count of captures waiting for a timestamp. */
  timestamps: TimestampStatus;
}

/** The library as the window knows it; one per window. */
export class LibraryState {
  /** How many articles the library holds. */
  articles = 0;
  /** Every tag with its count and colour, as listTags gave them. */
  tags: TagCount[] = [];
  private readonly index: IndexStatusWatcher;

  constructor(private readonly parts: LibraryParts) {
    this.index = new IndexStatusWatcher(
      async () => {
        const info = await call('libraryInfo');
        this.articles = info.articles;
        return info.search;
      },
      {
        onStatus: (search) => parts.status.setIndexStatus(search),
        // Results found in titles alone are incomplete: search again now the text can be searched.
        onReady: () => {
          if (parts.listing.titlesOnly) void parts.listing.reload();
        },
        onError: (error) => parts.status.error(messageOf(error)),
      },
    );
  }

  /** Every tag name, for the tag editor's suggestions. */
  get tagNames(): string[] {
    return this.tags.map((tag) => tag.tag);
  }

  /** Reads the library's folder, size and index status again. */
  async refresh(): Promise<void> {
    const info = await call('libraryInfo');
    this.articles = info.articles;
    this.parts.sidebar.setLibrary(info);
    this.index.update(info.search);
    void this.parts.timestamps.refresh();
    document.title = `${folderName(info.path)} — Cuttings`;
  }

  /** One article's tags were changed (in the reader): its row, the tree's counts and the library's tags follow. */
  async articleTagsChanged(id: string, tags: string[]): Promise<void> {
    this.parts.list.updateTags(id, tags);
    await this.refreshTags();
    await this.refreshTagTotals();
  }

  /**
   * Reads the tree's counts again: main's tag facet of the empty query, each article counted
   * once under every level of its tags (one hit is the least a search answers).
   */
  async refreshTagTotals(): Promise<void> {
    const everything = await call('search', { query: '', limit: 1, sort: 'clipped' });
    this.parts.sidebar.setTagTotals(everything.facets.tags);
  }

  /** Reads the library's tags again; lists again if the listing's tag is gone. */
  async refreshTags(): Promise<void> {
    if (this.setTags(await call('listTags'))) await this.parts.listing.reload();
  }

  /** Shows tags main gave (after a change of colour, say); true if the listing's tag was among those gone. */
  setTags(tags: TagCount[]): boolean {
    this.tags = tags;
    this.parts.list.setTagColours(tagColours(tags));
    const dropped = this.parts.listing.dropMissingTag(tags);
    this.parts.sidebar.setTags(tags);
    return dropped;
  }

  /** Reads the saved searches again. */
  async refreshSavedSearches(): Promise<void> {
    this.parts.sidebar.setSavedSearches(await call('listSavedSearches'));
  }

  /** A search was saved (the Save search dialog): shows the saved searches, and says so. */
  searchSaved(searches: SavedSearch[], saved: SavedSearch): void {
    this.parts.sidebar.setSavedSearches(searches);
    this.parts.status.info(`Saved the search “${saved.name}”`);
  }

  /** Deletes a saved search, and says so. */
  async deleteSavedSearch(saved: SavedSearch): Promise<void> {
    const left = await attempt(() => call('deleteSavedSearch', saved.name));
    if (!left) return;
    this.parts.sidebar.setSavedSearches(left);
    this.parts.status.info(`Deleted the saved search “${saved.name}”`);
  }

  /** Reads everything the window shows of the library (at start-up). */
  async load(): Promise<void> {
    await attempt(async () => {
      await this.refresh();
      await this.refreshTags();
      await this.refreshSavedSearches();
    });
  }

  /** The library changed under the window (an import, an article added): reads it again, then lists again. */
  async changed(): Promise<void> {
    await attempt(async () => {
      await this.refresh();
      await this.refreshTags();
    });
    await this.parts.listing.reload();
    // Listing the whole library brought the tree's counts with it; listing less did not.
    const { listing } = this.parts;
    if (listing.tag !== null || listing.text !== '') await attempt(() => this.refreshTagTotals());
  }
}
