/**
 * The sidebar: the library's name and size, "All articles", and every tag with its count.
 * Choosing a tag filters the article list to that tag (and the tags below it).
 */
import type { LibraryInfo } from '../common/api';
import type { TagCount } from '../common/article';
import { tagKey } from '../common/tags';
import { el, replaceChildren } from './dom';
import { folderName, plural } from './format';

/** The sidebar; `onFilter` receives the chosen tag, or null for all articles. */
export class Sidebar {
  private activeTag: string | null = null;
  private tags: TagCount[] = [];
  private articleCount = 0;

  constructor(
    private readonly header: HTMLElement,
    private readonly nav: HTMLElement,
    private readonly onFilter: (tag: string | null) => void,
  ) {
    nav.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-filter]');
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
    replaceChildren(
      this.nav,
      all,
      el('h2', { className: 'nav-heading', attrs: { id: 'tags-heading' } }, 'Tags'),
      tagItems.length > 0
        ? el('ul', { className: 'nav-list', attrs: { 'aria-labelledby': 'tags-heading' } }, ...tagItems)
        : el('p', { className: 'nav-none' }, 'No tags yet'),
    );
    this.setActive(this.activeTag);
  }
}
