/**
 * The sidebar: the library's name and size, "All articles", the saved searches, and every
 * tag with its count. Choosing a tag filters the article list to that tag (and the tags
 * below it); choosing a saved search runs its query.
 */
import type { LibraryInfo, SavedSearch } from '../common/api';
import type { TagCount } from '../common/article';
import { tagKey } from '../common/tags';
import { el, replaceChildren } from './dom';
import { folderName, plural } from './format';

/** What the saved searches in the sidebar ask of their owner. */
export interface SavedSearchEvents {
  /** Runs a saved search. */
  open(search: SavedSearch): void;
  /** Deletes a saved search. */
  delete(search: SavedSearch): void;
}

/** The sidebar; `onFilter` receives the chosen tag, or null for all articles. */
export class Sidebar {
  private activeTag: string | null = null;
  private tags: TagCount[] = [];
  private saved: SavedSearch[] = [];
  private currentQuery = '';
  private articleCount = 0;

  constructor(
    private readonly header: HTMLElement,
    private readonly nav: HTMLElement,
    private readonly onFilter: (tag: string | null) => void,
    private readonly savedEvents: SavedSearchEvents,
  ) {
    nav.addEventListener('click', (event) => {
      const target = event.target as Element;
      const savedButton = target.closest<HTMLButtonElement>('button[data-saved], button[data-delete-saved]');
      if (savedButton) {
        const index = Number(savedButton.dataset.saved ?? savedButton.dataset.deleteSaved);
        const search = this.saved[index];
        if (!search) return;
        if (savedButton.dataset.saved !== undefined) this.savedEvents.open(search);
        else this.savedEvents.delete(search);
        return;
      }
      const button = target.closest<HTMLButtonElement>('button[data-filter]');
      if (!button) return;
      const tag = button.dataset.filter === 'all' ? null : (button.dataset.tag ?? null);
      this.setActive(tag);
      this.onFilter(tag);
    });
  }

  /** The tag the list is filtered by, or null. */
  get filter(): string | null {
    return this.activeTag;
  }

  /** Shows the library's name, where it is, and how many articles it holds. */
  setLibrary(info: LibraryInfo): void {
    this.articleCount = info.articles;
    replaceChildren(
      this.header,
      el('div', { className: 'library-name', attrs: { title: info.path } }, folderName(info.path)),
      el(
        'div',
        { className: 'library-count' },
        plural(info.articles, 'article'),
        info.readOnly ? el('span', { className: 'badge' }, 'read-only') : null,
      ),
    );
    this.renderNav();
  }

  /** Shows the library's tags; a filter on a tag that no longer exists is dropped. */
  setTags(tags: TagCount[]): boolean {
    this.tags = tags;
    let dropped = false;
    if (this.activeTag !== null && !tags.some((tag) => tagKey(tag.tag) === tagKey(this.activeTag ?? ''))) {
      this.activeTag = null;
      dropped = true;
    }
    this.renderNav();
    return dropped;
  }

  /** Shows the saved searches. */
  setSavedSearches(searches: SavedSearch[]): void {
    // Keep keyboard focus in the list when the item that had it is deleted and redrawn.
    const focused = this.nav.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
    const focusedIndex = focused?.closest<HTMLElement>('.saved-item')?.dataset.index;
    this.saved = searches;
    this.renderNav();
    if (focusedIndex !== undefined) {
      const items = this.nav.querySelectorAll<HTMLElement>('.saved-item');
      const next = items[Math.min(Number(focusedIndex), items.length - 1)];
      (next?.querySelector<HTMLElement>('button[data-saved]') ?? this.nav.querySelector<HTMLElement>('button[data-filter="all"]'))?.focus();
    }
  }

  /** The saved searches shown. */
  get savedSearches(): SavedSearch[] {
    return this.saved;
  }

  /**
   * Marks the saved search whose query is the one being searched for, if any; "All articles"
   * then is not marked, so that one item says what the list shows.
   */
  setCurrentQuery(query: string): void {
    this.currentQuery = query;
    let found = false;
    for (const button of this.nav.querySelectorAll<HTMLButtonElement>('button[data-saved]')) {
      const search = this.saved[Number(button.dataset.saved)];
      const current: boolean = !found && search !== undefined && query !== '' && search.query === query;
      found ||= current;
      button.setAttribute('aria-current', String(current));
    }
    const all = this.nav.querySelector<HTMLButtonElement>('button[data-filter="all"]');
    all?.setAttribute('aria-current', String(this.activeTag === null && !found));
  }

  /** Every tag name, for the tag editor's suggestions. */
  get tagNames(): string[] {
    return this.tags.map((tag) => tag.tag);
  }

  /** Marks which filter is active. */
  setActive(tag: string | null): void {
    this.activeTag = tag;
    for (const button of this.nav.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const active = tag === null ? button.dataset.filter === 'all' : button.dataset.tag === tag;
      button.setAttribute('aria-current', String(active));
    }
    this.setCurrentQuery(this.currentQuery);
  }

  private renderNav(): void {
    const all = el(
      'button',
      { className: 'nav-item', attrs: { type: 'button' }, dataset: { filter: 'all' } },
      el('span', { className: 'nav-label' }, 'All articles'),
      el('span', { className: 'nav-count' }, this.articleCount.toLocaleString()),
    );
    const tagItems = this.tags.map((tag) =>
      el(
        'li',
        {},
        el(
          'button',
          {
            className: 'nav-item',
            attrs: { type: 'button', title: `Show articles tagged ${tag.tag}` },
            dataset: { filter: 'tag', tag: tag.tag },
          },
          el('span', { className: 'nav-label' }, tag.tag),
          el('span', { className: 'nav-count' }, tag.count.toLocaleString()),
        ),
      ),
    );
    const savedItems = this.saved.map((search, index) =>
      el(
        'li',
        { className: 'saved-item', dataset: { index: String(index) } },
        el(
          'button',
          {
            className: 'nav-item',
            attrs: { type: 'button', title: search.query },
            dataset: { saved: String(index) },
          },
          el('span', { className: 'nav-label' }, search.name),
        ),
        el(
          'button',
          {
            className: 'saved-delete',
            attrs: { type: 'button', 'aria-label': `Delete saved search ${search.name}`, title: `Delete “${search.name}”` },
            dataset: { deleteSaved: String(index) },
          },
          '×',
        ),
      ),
    );
    replaceChildren(
      this.nav,
      all,
      el('h2', { className: 'nav-heading', attrs: { id: 'saved-heading' } }, 'Saved searches'),
      savedItems.length > 0
        ? el('ul', { className: 'nav-list', attrs: { 'aria-labelledby': 'saved-heading' } }, ...savedItems)
        : el('p', { className: 'nav-none' }, 'None saved yet'),
      el('h2', { className: 'nav-heading', attrs: { id: 'tags-heading' } }, 'Tags'),
      tagItems.length > 0
        ? el('ul', { className: 'nav-list', attrs: { 'aria-labelledby': 'tags-heading' } }, ...tagItems)
        : el('p', { className: 'nav-none' }, 'No tags yet'),
    );
    this.setActive(this.activeTag);
  }
}
