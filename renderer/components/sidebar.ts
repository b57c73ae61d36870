/**
 * The sidebar: the library's name and size, "All articles", the saved searches, and the
 * tags as a tree (tag-tree.ts) with counts and colours. Choosing a tag filters the article
 * list to that tag (and the tags below it); choosing a saved search runs its query.
 *
 * A tag's ⋯ button (or a right-click on it) asks the owner to edit it (rename, move, colour,
 * delete: tag-dialog.ts); dragging a tag onto another asks to move it there, and onto the
 * "Tags" heading to the top level. A parent's ▾ folds its sub-tags away.
 *
 * The tag chosen is the listing's (listing/listing.ts): a click here sets it and lists again,
 * and the sidebar marks whatever tag the listing has, however it was set. The tree's counts
 * are main's tag facet of the whole library, which the listing hands over each time it lists
 * the whole library, and the library's state after a change to tags (setTagTotals).
 */
import type { LibraryInfo, SavedSearch } from '../../common/api';
import type { TagCount } from '../../common/article';
import { tagKey } from '../../common/tags';
import { el, replaceChildren } from '../helpers/dom';
import { folderName, plural } from '../helpers/format';
import type { Listing } from '../listing/listing';
import { buildTagTree, subtreeTotals, type TagNode } from './tag-tree';

/** What the tag tree asks of its owner. */
export interface TagTreeEvents {
  /** Opens the actions for a tag. */
  edit(node: TagNode): void;
  /** Moves a tag under another ('' for the top level), as dragged. */
  move(tag: string, parent: string): void;
}

/** The drag data type of a tag being dragged in the tree. */
const TAG_DRAG_TYPE = 'application/x-cuttings-tag';

/** The sidebar; one per window. */
export class Sidebar {
  private tags: TagCount[] = [];
  private saved: SavedSearch[] = [];
  private currentQuery = '';
  private articleCount = 0;
  /** Each tag's count of articles with it or a tag below it (tag-tree.ts), when known. */
  private totals: ReadonlyMap<string, number> | undefined;
  private tree: TagNode[] = [];
  /** Keys of the parents folded shut. */
  private readonly collapsed = new Set<string>();
  private tagEvents: TagTreeEvents | null = null;

  constructor(
    private readonly header: HTMLElement,
    private readonly nav: HTMLElement,
    private readonly listing: Listing,
    /** Deletes a saved search (its × button). */
    private readonly deleteSaved: (search: SavedSearch) => void,
  ) {
    nav.addEventListener('click', (event) => {
      const target = event.target as Element;
      const savedButton = target.closest<HTMLButtonElement>('button[data-saved], button[data-delete-saved]');
      if (savedButton) {
        const index = Number(savedButton.dataset.saved ?? savedButton.dataset.deleteSaved);
        const search = this.saved[index];
        if (!search) return;
        if (savedButton.dataset.saved === undefined) {
          this.deleteSaved(search);
          return;
        }
        // A saved search runs as it was saved, not narrowed by a tag chosen since.
        listing.setTag(null);
        listing.search(search.query);
        return;
      }
      const toggle = target.closest<HTMLButtonElement>('button[data-toggle]');
      if (toggle?.dataset.toggle) {
        const key = toggle.dataset.toggle;
        if (this.collapsed.has(key)) this.collapsed.delete(key);
        else this.collapsed.add(key);
        this.renderNav();
        this.nav.querySelector<HTMLElement>(`button[data-toggle="${CSS.escape(key)}"]`)?.focus();
        return;
      }
      const edit = target.closest<HTMLButtonElement>('button[data-edit-tag]');
      if (edit?.dataset.editTag) {
        const node = this.findNode(edit.dataset.editTag);
        if (node) this.tagEvents?.edit(node);
        return;
      }
      const button = target.closest<HTMLButtonElement>('button[data-filter]');
      if (!button) return;
      listing.setTag(button.dataset.filter === 'all' ? null : (button.dataset.tag ?? null));
      void listing.reload();
    });
    nav.addEventListener('contextmenu', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-filter="tag"]');
      const node = button?.dataset.tag ? this.findNode(tagKey(button.dataset.tag)) : undefined;
      if (!node || !this.tagEvents) return;
      event.preventDefault();
      this.tagEvents.edit(node);
    });
    this.installDragAndDrop();
    nav.addEventListener('keydown', (event) => this.onTreeKey(event));
    listing.subscribe((event) => {
      if (event.type === 'tag') this.markActive();
      else if (event.type === 'query') this.setCurrentQuery(event.tag === null ? event.text : '');
      else if (event.type === 'listed' && event.libraryTags) this.setTagTotals(event.libraryTags);
    });
  }

  /**
   * The arrow keys in the tag tree: ↑/↓ move between tags, → unfolds a parent (or goes to its
   * first sub-tag), ← folds it (or goes to the parent). Handled here so that the list's own
   * arrow keys (keyboard-shortcuts.ts) do not fire too.
   */
  private onTreeKey(event: KeyboardEvent): void {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-filter="tag"]');
    if (!button || event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
    const buttons = [...this.nav.querySelectorAll<HTMLButtonElement>('button[data-filter="tag"]')];
    const at = buttons.indexOf(button);
    const key = button.dataset.tag ? tagKey(button.dataset.tag) : '';
    const node = this.findNode(key);
    let next: HTMLButtonElement | undefined;
    if (event.key === 'ArrowDown') next = buttons[at + 1];
    else if (event.key === 'ArrowUp') next = buttons[at - 1];
    else if (event.key === 'ArrowRight' && node && node.children.length > 0) {
      if (this.collapsed.delete(key)) {
        this.renderNav();
        next = this.tagButton(key);
      } else next = buttons[at + 1];
    } else if (event.key === 'ArrowLeft' && node) {
      if (node.children.length > 0 && !this.collapsed.has(key)) {
        this.collapsed.add(key);
        this.renderNav();
        next = this.tagButton(key);
      } else if (key.includes('/')) next = this.tagButton(key.slice(0, key.lastIndexOf('/')));
    } else return;
    event.preventDefault();
    event.stopPropagation();
    next?.focus();
  }

  /** A tag's button in the tree, by key. */
  private tagButton(key: string): HTMLButtonElement | undefined {
    return [...this.nav.querySelectorAll<HTMLButtonElement>('button[data-filter="tag"]')].find((button) => tagKey(button.dataset.tag ?? '') === key);
  }

  /** Where the tag tree's edits and moves go. */
  setTagEvents(events: TagTreeEvents): void {
    this.tagEvents = events;
    this.renderNav();
  }

  /** Takes main's count of articles per tag, a parent counting each article under it once (the library's tag facet), and shows it. */
  setTagTotals(facet: Readonly<Record<string, number>>): void {
    this.totals = subtreeTotals(facet);
    this.renderNav();
  }

  /** The tree node of a tag key, if it is in the tree. */
  findNode(key: string): TagNode | undefined {
    const search = (nodes: TagNode[]): TagNode | undefined => {
      for (const node of nodes) {
        if (node.key === key) return node;
        const found = search(node.children);
        if (found) return found;
      }
      return undefined;
    };
    return search(this.tree);
  }

  private installDragAndDrop(): void {
    this.nav.addEventListener('dragstart', (event) => {
      const button = (event.target as Element).closest<HTMLElement>('button[data-filter="tag"]');
      if (!button?.dataset.tag || !event.dataTransfer) return;
      event.dataTransfer.setData(TAG_DRAG_TYPE, button.dataset.tag);
      event.dataTransfer.setData('text/plain', button.dataset.tag);
      event.dataTransfer.effectAllowed = 'move';
    });
    const dropTarget = (event: DragEvent): HTMLElement | null => {
      if (!event.dataTransfer?.types.includes(TAG_DRAG_TYPE)) return null;
      return (event.target as Element).closest<HTMLElement>('button[data-filter="tag"], .tags-heading');
    };
    this.nav.addEventListener('dragover', (event) => {
      const target = dropTarget(event);
      if (!target) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
      for (const other of this.nav.querySelectorAll('.drop-target')) if (other !== target) other.classList.remove('drop-target');
      target.classList.add('drop-target');
    });
    this.nav.addEventListener('dragleave', (event) => {
      (event.target as Element).closest('.drop-target')?.classList.remove('drop-target');
    });
    this.nav.addEventListener('drop', (event) => {
      const target = dropTarget(event);
      const tag = event.dataTransfer?.getData(TAG_DRAG_TYPE);
      for (const other of this.nav.querySelectorAll('.drop-target')) other.classList.remove('drop-target');
      if (!target || !tag) return;
      event.preventDefault();
      this.tagEvents?.move(tag, target.dataset.tag ?? '');
    });
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

  /** Shows the library's tags. */
  setTags(tags: TagCount[]): void {
    this.tags = tags;
    this.renderNav();
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
  private setCurrentQuery(query: string): void {
    this.currentQuery = query;
    let found = false;
    for (const button of this.nav.querySelectorAll<HTMLButtonElement>('button[data-saved]')) {
      const search = this.saved[Number(button.dataset.saved)];
      const current: boolean = !found && search !== undefined && query !== '' && search.query === query;
      found ||= current;
      button.setAttribute('aria-current', String(current));
    }
    const all = this.nav.querySelector<HTMLButtonElement>('button[data-filter="all"]');
    all?.setAttribute('aria-current', String(this.listing.tag === null && !found));
  }

  /** Marks which filter is active: the listing's tag, or "All articles". */
  private markActive(): void {
    const tag = this.listing.tag;
    for (const button of this.nav.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const active = tag === null ? button.dataset.filter === 'all' : button.dataset.tag !== undefined && tagKey(button.dataset.tag) === tagKey(tag);
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
    this.tree = buildTagTree(this.tags, this.totals);
    const tagItems = this.tree.map((node) => this.renderTagNode(node, 1));
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
      el('h2', { className: 'nav-heading tags-heading', attrs: { id: 'tags-heading', title: 'Drop a tag here to move it to the top level' }, dataset: { tag: '' } }, 'Tags'),
      tagItems.length > 0
        ? el('ul', { className: 'nav-list tag-tree', attrs: { 'aria-labelledby': 'tags-heading' } }, ...tagItems)
        : el('p', { className: 'nav-none' }, 'No tags yet'),
    );
    this.markActive();
  }

  /** One tag with its fold button, colour, name, count and ⋯ button, and its sub-tags below. */
  private renderTagNode(node: TagNode, depth: number): HTMLLIElement {
    const hasChildren = node.children.length > 0;
    const open = hasChildren && !this.collapsed.has(node.key);
    const counts =
      node.own === null
        ? `${plural(node.total, 'article')} under ${node.path}`
        : hasChildren
          ? `${plural(node.total, 'article')} with ${node.path} or a tag under it; ${plural(node.own, 'article')} tagged ${node.path} itself`
          : `${plural(node.own, 'article')} tagged ${node.path}`;
    const swatch = el('span', { className: node.colour ? 'tag-swatch' : 'tag-swatch none', attrs: { 'aria-hidden': 'true' } });
    if (node.colour) swatch.style.setProperty('--swatch', node.colour);
    const row = el(
      'div',
      { className: 'tag-row' },
      hasChildren
        ? el(
            'button',
            {
              className: 'tag-toggle',
              attrs: { type: 'button', 'aria-expanded': String(open), 'aria-label': `${open ? 'Hide' : 'Show'} the tags under ${node.path}` },
              dataset: { toggle: node.key },
            },
            open ? '▾' : '▸',
          )
        : el('span', { className: 'tag-toggle-space', attrs: { 'aria-hidden': 'true' } }),
      // Named by what it shows ("diplomacy 2": speech input and screen readers agree with
      // the eye); the counts in words are its description, from the title.
      el(
        'button',
        {
          className: 'nav-item tag-item',
          attrs: { type: 'button', title: counts, draggable: 'true' },
          dataset: { filter: 'tag', tag: node.path },
        },
        swatch,
        el('span', { className: 'nav-label' }, node.name),
        ' ',
        el('span', { className: 'nav-count' }, node.total.toLocaleString()),
      ),
      this.tagEvents
        ? el(
            'button',
            { className: 'tag-edit', attrs: { type: 'button', 'aria-label': `Edit tag ${node.path}`, title: `Rename, move, colour or delete ${node.path}` }, dataset: { editTag: node.key } },
            '⋯',
          )
        : null,
    );
    row.style.setProperty('--depth', String(depth - 1));
    return el(
      'li',
      { className: 'tag-node', dataset: { key: node.key } },
      row,
      open ? el('ul', { className: 'nav-list' }, ...node.children.map((child) => this.renderTagNode(child, depth + 1))) : null,
    );
  }
}
