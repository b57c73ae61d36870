/**
 * The article list: one row per article (title; source, date and tags; the excerpt, or for
 * a search hit its snippet with the matched words marked). One row is current (the one the
 * keyboard moves and Enter opens); any number may be selected for a bulk change: a click
 * selects one, Ctrl/Cmd-click adds or takes away one, Shift-click (or Shift with the arrow
 * keys, j/k, Home and End) selects a range from the last row clicked, and selectAll() marks
 * every result of the query, loaded or not (the owner then acts by the query). Rows have one
 * fixed height so the list can be virtualised: only the rows in view (plus a few) are in the
 * DOM, which keeps scrolling smooth at 100,000 articles (DESIGN.md §6).
 *
 * The rows are the listing's (listing/listing.ts): the list is as long as what it lists, and
 * asks the listing for the pages of the rows it comes to (a row not loaded yet is drawn once
 * its page comes); it is dimmed while main refuses the search text.
 */
import type { ArticleSummary } from '../../common/article';
import { tagKey } from '../../common/tags';
import { el, replaceChildren } from '../helpers/dom';
import { formatDate } from '../helpers/format';
import { highlightSnippet } from '../helpers/highlight';
import type { Listing, ListingEvent, ListItem } from '../listing/listing';

/** Height of a row in CSS pixels; styles/article-list.css draws rows to fit it. */
export const ROW_HEIGHT = 76;
/** Rows rendered beyond each edge of the view, so fast scrolling shows no gaps. */
const OVERSCAN = 8;
/**
 * The tallest the list's spacer is made. Chromium lays nothing out taller than 2^25 pixels
 * (33,554,431): a million rows of 76 would be 76 million. Past this height the scroll bar
 * stands for the rows in proportion (rowScale), and each pixel scrolled moves more than one.
 */
const MOST_SPACER = 16_000_000;
/** Characters of context kept before a snippet's first match: the row shows one line. */
const SNIPPET_LEAD = 24;

/** What the list tells its owner. */
export interface ArticleListEvents {
  /** The user opened a row (click, or Enter on the selection). */
  onOpen(id: string): void;
  /** The selection changed (its size, or whether every result is selected). */
  onSelectionChange?(): void;
}

/** What the list says when the listing has no rows. */
export function emptyText(listed: Pick<Extract<ListingEvent, { type: 'listed' }>, 'text' | 'tag' | 'search'>): string {
  const { text, tag } = listed;
  if (listed.search === null) return tag === null ? 'No articles yet. Add one with the Add button.' : `No articles are tagged ${tag}.`;
  return tag === null ? `Nothing matches “${text}”.` : `Nothing tagged ${tag} matches “${text}”.`;
}

/** The virtualised, keyboard-driven article list. */
export class ArticleList {
  /** One place per row listed; a row whose page has not come is a hole. */
  private items: (ListItem | undefined)[] = [];
  /** Where each loaded row's article is, by id. */
  private readonly places = new Map<string, number>();
  private selected = -1;
  /** The ids selected for a bulk change; the current row's alone after a plain click. */
  private picked = new Set<string>();
  /** Where a Shift range starts: the row last clicked or moved to without Shift. */
  private anchor = -1;
  /** Whether every result of the query is selected, including rows not loaded yet. */
  private everything = false;
  /** Counts the changes of selection, so that a Shift range whose rows come later joins only the selection it was made in. */
  private selectionVersion = 0;
  private readonly rows = new Map<number, HTMLElement>();
  /** The task that draws the rows either side of the view, once one is waiting (render). */
  private overscan: number | undefined;
  /** Tag colours by tagKey (the sidebar's), shown as a dot on the row's tag chips. */
  private colours: ReadonlyMap<string, string> = new Map();
  private readonly spacer = el('div', { className: 'list-spacer' });
  private readonly empty = el('div', { className: 'list-empty', attrs: { hidden: true } });

  constructor(
    private readonly root: HTMLElement,
    private readonly listing: Listing,
    private readonly events: ArticleListEvents,
  ) {
    root.setAttribute('role', 'listbox');
    root.setAttribute('aria-multiselectable', 'true');
    root.tabIndex = 0;
    root.append(this.spacer, this.empty);
    root.addEventListener('scroll', () => this.render(), { passive: true });
    new ResizeObserver(() => this.render()).observe(root);
    root.addEventListener('click', (event) => {
      const row = (event.target as Element).closest<HTMLElement>('.row');
      if (!row?.dataset.index) return;
      const index = Number(row.dataset.index);
      const mouse = event as MouseEvent;
      if (mouse.shiftKey) {
        this.extendTo(index, mouse.ctrlKey || mouse.metaKey);
        return;
      }
      if (mouse.ctrlKey || mouse.metaKey) {
        this.toggle(index);
        return;
      }
      this.selectIndex(index);
      const item = this.items[index];
      if (item) this.events.onOpen(item.summary.id);
    });
    listing.subscribe((event) => {
      if (event.type === 'query' && event.text === '') this.setStale(false);
      else if (event.type === 'refused') this.setStale(true);
      else if (event.type === 'listed') {
        if (event.search) this.setStale(false);
        this.setItems(event.items, event.total, emptyText(event));
      } else if (event.type === 'page') this.putItems(event.offset, event.items);
    });
  }

  /** Dims the rows while they are an earlier query's than the search text's (main refused the text). */
  private setStale(stale: boolean): void {
    this.root.classList.toggle('stale', stale);
  }

  /** Replaces every row with `total` of them, the first `items` loaded; keeps the selection if its article is among those. */
  private setItems(items: ListItem[], total: number, emptyMessage: string): void {
    const selectedId = this.selectedId;
    // As long as what is listed, with holes where the rows are still to come.
    this.selectionVersion++;
    this.items = new Array<ListItem | undefined>(total);
    this.places.clear();
    this.putLoaded(0, items);
    this.clearRows();
    this.root.scrollTop = 0;
    this.selected = selectedId ? (this.places.get(selectedId) ?? -1) : -1;
    // Another list: only the current row stays selected, and "every result" meant the last query.
    this.everything = false;
    this.picked = new Set(this.selected >= 0 && selectedId ? [selectedId] : []);
    this.anchor = this.selected;
    this.events.onSelectionChange?.();
    this.empty.hidden = total > 0;
    this.empty.textContent = emptyMessage;
    this.render();
    if (this.selected >= 0) this.scrollToIndex(this.selected);
  }

  /** Puts in the rows of a page that came, from row `offset`, and draws those in view. */
  private putItems(offset: number, items: ListItem[]): void {
    this.putLoaded(offset, items);
    if (this.everything) for (const item of items) this.picked.add(item.summary.id);
    // The current row may have been a hole (End pressed before its page came): it is now named, and selected.
    const id = this.selected >= offset && this.selected < offset + items.length ? this.selectedId : undefined;
    if (id) {
      this.root.setAttribute('aria-activedescendant', rowId(id));
      if (!this.everything && this.picked.size === 0) {
        this.picked.add(id);
        this.events.onSelectionChange?.();
      }
    }
    this.render();
  }

  private putLoaded(offset: number, items: ListItem[]): void {
    items.forEach((item, at) => {
      if (offset + at >= this.items.length) return;
      this.items[offset + at] = item;
      this.places.set(item.summary.id, offset + at);
    });
  }

  /** The loaded rows, in order. */
  private loadedItems(): ListItem[] {
    return this.items.filter((item): item is ListItem => item !== undefined);
  }

  /** The list's element, so that the window's keyboard handling can tell where keys go. */
  get element(): HTMLElement {
    return this.root;
  }

  /** How many rows are loaded. */
  get length(): number {
    return this.items.length;
  }

  /** The selected article's id, if any. */
  get selectedId(): string | undefined {
    return this.items[this.selected]?.summary.id;
  }

  /** The row of an article, if it is listed (and its page loaded). */
  item(id: string): ListItem | undefined {
    const index = this.places.get(id);
    return index === undefined ? undefined : this.items[index];
  }

  /** Selects an article by id (if listed and loaded) and scrolls it into view. */
  select(id: string): boolean {
    const index = this.places.get(id);
    if (index === undefined) return false;
    this.selectIndex(index);
    return true;
  }

  /** Moves the selection by `delta` rows, stopping at the ends; with `extend`, selects the range from the anchor. */
  move(delta: number, extend = false): void {
    if (this.items.length === 0) return;
    const from = this.selected < 0 ? (delta > 0 ? -1 : this.items.length) : this.selected;
    const to = Math.min(this.items.length - 1, Math.max(0, from + delta));
    if (extend) this.extendTo(to, false);
    else this.selectIndex(to);
  }

  /** The ids selected (the loaded rows among them when every result is selected). */
  get selectedIds(): string[] {
    if (this.everything) return this.loadedItems().map((item) => item.summary.id);
    return [...this.picked];
  }

  /** How many rows are selected (the loaded ones; see allSelected). */
  get selectionSize(): number {
    return this.everything ? this.items.length : this.picked.size;
  }

  /** Whether every result of the query is selected, loaded or not. */
  get allSelected(): boolean {
    return this.everything;
  }

  /** Selects every result of the query, including rows not loaded yet. */
  selectAll(): void {
    if (this.items.length === 0) return;
    this.selectionVersion++;
    this.everything = true;
    this.picked = new Set(this.loadedItems().map((item) => item.summary.id));
    this.redrawSelection();
  }

  /** Leaves only the current row selected. */
  clearSelection(): void {
    this.selectionVersion++;
    this.everything = false;
    const id = this.selectedId;
    this.picked = new Set(id ? [id] : []);
    this.anchor = this.selected;
    this.redrawSelection();
  }

  /** Ctrl/Cmd-click: adds a row to the selection or takes it away; it becomes current. */
  private toggle(index: number): void {
    const item = this.items[index];
    if (!item) return;
    this.selectionVersion++;
    this.everything = false;
    if (this.picked.has(item.summary.id)) this.picked.delete(item.summary.id);
    else this.picked.add(item.summary.id);
    this.anchor = index;
    this.setCurrent(index);
    this.redrawSelection();
  }

  /**
   * Shift: selects from the anchor to `index` (added to what is selected when `add`). Rows of
   * the range not loaded yet are asked of the listing and join the selection when they come,
   * unless the selection has changed meanwhile.
   */
  private extendTo(index: number, add: boolean): void {
    const version = ++this.selectionVersion;
    if (this.anchor < 0) this.anchor = Math.max(0, this.selected);
    const [low, high] = this.anchor <= index ? [this.anchor, index] : [index, this.anchor];
    this.everything = false;
    if (!add) this.picked.clear();
    const picked = this.pickRange(low, high);
    this.setCurrent(index);
    this.redrawSelection();
    if (picked === high - low + 1) return;
    void this.listing.load(low, high).then(() => {
      if (version !== this.selectionVersion) return;
      this.pickRange(low, high);
      this.redrawSelection();
    });
  }

  /** Adds the loaded rows from `low` to `high` to the selection; how many there were. */
  private pickRange(low: number, high: number): number {
    let loaded = 0;
    for (let at = low; at <= high; at++) {
      const item = this.items[at];
      if (!item) continue;
      this.picked.add(item.summary.id);
      loaded++;
    }
    return loaded;
  }

  /** Marks the rows in the DOM as selected or not, and tells the owner. */
  private redrawSelection(): void {
    for (const [index, row] of this.rows) {
      const id = this.items[index]?.summary.id;
      row.setAttribute('aria-selected', String(id !== undefined && this.picked.has(id)));
    }
    this.events.onSelectionChange?.();
  }

  /** Moves by a page of rows. */
  page(direction: 1 | -1): void {
    this.move(direction * Math.max(1, Math.floor(this.root.clientHeight / ROW_HEIGHT) - 1));
  }

  /** Opens the selected row. */
  openSelected(): void {
    const id = this.selectedId;
    if (id) this.events.onOpen(id);
  }

  /** Shows an article's new tags on its row. */
  updateTags(id: string, tags: string[]): void {
    this.updateSummary(id, { tags });
  }

  /**
   * Shows an article's new title, date, author or source on its row (Edit details…), where
   * the row is: the list keeps its order until it is listed again.
   */
  updateDetails(article: Pick<ArticleSummary, 'id' | 'title' | 'published' | 'author' | 'source' | 'edited'>): void {
    const { id, title, published, author, source, edited } = article;
    this.updateSummary(id, { title, published, author, source, ...(edited !== undefined ? { edited } : {}) });
  }

  /** Redraws the rows of one article with part of its summary changed. */
  private updateSummary(id: string, change: Partial<ArticleSummary>): void {
    const index = this.places.get(id);
    const item = index === undefined ? undefined : this.items[index];
    if (index === undefined || !item) return;
    item.summary = { ...item.summary, ...change };
    const row = this.rows.get(index);
    if (row) {
      row.remove();
      this.rows.delete(index);
    }
    this.render();
  }

  /** Sets the tags' colours (by tagKey) and redraws the rows in view. */
  setTagColours(colours: ReadonlyMap<string, string>): void {
    this.colours = colours;
    this.clearRows();
    this.render();
  }

  /** Puts keyboard focus on the list. */
  focus(): void {
    this.root.focus();
  }

  /** Makes one row current and the only one selected. */
  private selectIndex(index: number): void {
    const item = this.items[index];
    this.selectionVersion++;
    this.everything = false;
    this.picked = new Set(item ? [item.summary.id] : []);
    this.anchor = index;
    this.setCurrent(index);
    this.redrawSelection();
  }

  /** Moves the current row (the keyboard's) without changing what is selected. */
  private setCurrent(index: number): void {
    this.rows.get(this.selected)?.classList.remove('current');
    this.selected = index;
    this.rows.get(index)?.classList.add('current');
    const id = this.selectedId;
    if (id) this.root.setAttribute('aria-activedescendant', rowId(id));
    else this.root.removeAttribute('aria-activedescendant');
    this.scrollToIndex(index);
  }

  private scrollToIndex(index: number): void {
    const top = index * ROW_HEIGHT;
    const bottom = top + ROW_HEIGHT;
    const scale = this.rowScale();
    const viewTop = this.root.scrollTop * scale;
    if (top < viewTop) this.root.scrollTop = top / scale;
    else if (bottom > viewTop + this.root.clientHeight) this.root.scrollTop = (bottom - this.root.clientHeight) / scale;
    this.render();
  }

  /**
   * How many pixels of rows a pixel of scrolling moves: 1 until the rows are taller than
   * MOST_SPACER, then what makes the end of the spacer the end of the rows.
   */
  private rowScale(): number {
    const height = this.items.length * ROW_HEIGHT;
    if (height <= MOST_SPACER) return 1;
    const view = this.root.clientHeight;
    return (height - view) / Math.max(1, MOST_SPACER - view);
  }

  /** Where a row is drawn in the spacer: its place among the rows, moved as the scale has moved the view. */
  private rowTop(index: number, scale: number): number {
    const top = index * ROW_HEIGHT;
    return scale === 1 ? top : this.root.scrollTop + top - this.root.scrollTop * scale;
  }

  private clearRows(): void {
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
  }

  /** Puts the rows in view into the DOM and takes the others out. */
  private render(): void {
    this.spacer.style.height = `${Math.min(this.items.length * ROW_HEIGHT, MOST_SPACER)}px`;
    const scale = this.rowScale();
    const { top, visible, first, last } = this.range(scale);
    for (const [index, row] of this.rows) {
      if (index < first || index > last) {
        row.remove();
        this.rows.delete(index);
      } else if (scale !== 1) row.style.transform = `translateY(${this.rowTop(index, scale)}px)`;
    }
    // The rows in view now, the rows either side of them in a task of their own: a jump (End,
    // the wheel, the scroll bar dragged) makes, lays out and paints a third of the rows in the
    // task that shows them, and scrolling on from there finds its rows drawn. In tests/million
    // at 200,000 with the window's CPU slowed 2.5 times, the wheel-and-End step's longest task
    // was 79-120 ms when every row was drawn in the scroll event, and under 50 after.
    this.draw(top, Math.min(last, top + visible - 1));
    if (this.overscan === undefined) {
      this.overscan = window.setTimeout(() => {
        this.overscan = undefined;
        const now = this.range(this.rowScale());
        this.draw(now.first, now.last);
      }, 0);
    }
    // The rows in view whose page has not come, and a screenful either side.
    if (this.items.length > 0) this.listing.want(first - visible, last + visible);
  }

  /** The first row in view, how many rows a view holds, and the rows to draw: those and OVERSCAN either side. */
  private range(scale: number): { top: number; visible: number; first: number; last: number } {
    const top = Math.floor((this.root.scrollTop * scale) / ROW_HEIGHT);
    const visible = Math.ceil(this.root.clientHeight / ROW_HEIGHT) + 1;
    const first = Math.max(0, top - OVERSCAN);
    return { top, visible, first, last: Math.min(this.items.length - 1, first + visible + 2 * OVERSCAN) };
  }

  /** Draws the rows from `from` to `to` that are not drawn yet and whose page has come. */
  private draw(from: number, to: number): void {
    for (let index = Math.max(0, from); index <= to; index++) {
      if (this.rows.has(index)) continue;
      const item = this.items[index];
      if (!item) continue;
      const row = this.renderRow(item, index);
      this.rows.set(index, row);
      this.root.append(row);
    }
  }

  /** A tag chip, with its colour (or its nearest coloured parent's) as a dot. */
  private renderChip(tag: string): HTMLElement {
    const chip = el('span', { className: 'chip', dataset: { tag } }, tag);
    const levels = tagKey(tag).split('/');
    for (let depth = levels.length; depth > 0; depth--) {
      const colour = this.colours.get(levels.slice(0, depth).join('/'));
      if (!colour) continue;
      chip.dataset.colour = colour;
      chip.style.setProperty('--swatch', colour);
      break;
    }
    return chip;
  }

  private renderRow(item: ListItem, index: number): HTMLElement {
    const { summary } = item;
    const date = summary.published ?? summary.clipped;
    const snippet = el('div', { className: 'row-snippet' });
    if (item.snippet !== undefined) snippet.append(highlightSnippet(item.snippet, item.terms ?? [], SNIPPET_LEAD));
    else replaceChildren(snippet, summary.excerpt);
    const row = el(
      'div',
      {
        className: index === this.selected ? 'row current' : 'row',
        attrs: {
          id: rowId(summary.id),
          role: 'option',
          'aria-selected': String(this.picked.has(summary.id)),
          'aria-posinset': index + 1,
          'aria-setsize': this.items.length,
        },
        dataset: { index: String(index), id: summary.id },
      },
      el('div', { className: 'row-title' }, summary.title),
      el(
        'div',
        { className: 'row-meta' },
        summary.source ? el('span', { className: 'row-source' }, summary.source) : null,
        el(
          'time',
          {
            className: 'row-date',
            attrs: { datetime: date, title: summary.published ? 'Published' : 'Clipped' },
          },
          formatDate(date),
        ),
        summary.tags.length > 0
          ? el('span', { className: 'row-tags' }, ...summary.tags.map((tag) => this.renderChip(tag)))
          : null,
      ),
      snippet,
    );
    row.style.transform = `translateY(${this.rowTop(index, this.rowScale())}px)`;
    row.style.height = `${ROW_HEIGHT}px`;
    return row;
  }
}

/** The DOM id of an article's row (ULIDs are safe in ids). */
function rowId(id: string): string {
  return `row-${id}`;
}
