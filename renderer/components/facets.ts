/**
 * The facet panel: the most common tags, sources and years among the current results (main
 * counts them over the whole result set, not just the page shown), each a button that
 * narrows the search by adding a filter to the query: `tag:"…"`, `source:"…"` or
 * `published:YYYY`. Values the query already filters on are left out.
 *
 * To stay compact each group takes one line: the values that do not fit are hidden (not just
 * clipped, so the keyboard does not reach them either) behind a "+N more" button that shows
 * the group whole. Which fit is measured after layout, and again when the pane's width changes.
 *
 * The panel follows the listing: it shows a search's facets, goes when there is no search
 * text, and is dimmed (and out of reach) while main refuses the text.
 */
import type { SearchFacets } from '../../common/article';
import { parseSearchQuery, quoteValue, type QueryNode } from '../../common/query';
import { tagKey } from '../../common/tags';
import { el, replaceChildren } from '../helpers/dom';
import type { Listing } from '../listing/listing';

/** How many values each group shows. */
export const FACETS_SHOWN = 8;

/** The kinds of facet. */
export type FacetField = 'tag' | 'source' | 'year';

/**
 * The query filter for a facet value, or null when the query language cannot say it (a blank
 * value, a year that is not one): a value is put in quotes, a quote in it escaped.
 *
 * @example facetClause('source', 'BBC News') // 'source:"BBC News"'
 * @example facetClause('year', '2022') // 'published:2022'
 */
export function facetClause(field: FacetField, value: string): string | null {
  if (field === 'year') return /^\d{4}$/u.test(value) ? `published:${value}` : null;
  if (value.trim() === '') return null;
  return `${field}:${quoteValue(value)}`;
}

/** The values with the highest counts, most first (ties in name order), at most `limit`. */
export function topFacets(counts: Record<string, number>, limit = FACETS_SHOWN): [string, number][] {
  return Object.entries(counts)
    .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
    .slice(0, limit);
}

/** What every result must already be, by the query's top-level filters: no facet adds it again. */
interface Applied {
  tags: Set<string>;
  sources: Set<string>;
  years: Set<string>;
}

/** The filters a query applies to every result (ANDed at its top level, not negated). */
export function appliedFilters(query: string): Applied {
  const applied: Applied = { tags: new Set(), sources: new Set(), years: new Set() };
  const parsed = parseSearchQuery(query);
  const visit = (node: QueryNode): void => {
    if (node.kind === 'and') node.children.forEach(visit);
    else if (node.kind === 'filter' && node.field === 'tag') applied.tags.add(tagKey(node.value));
    else if (node.kind === 'filter' && node.field === 'source') applied.sources.add(node.value.toLocaleLowerCase('und'));
    else if (node.kind === 'date' && node.field === 'published' && node.from && node.to) {
      const year = node.from.slice(0, 4);
      if (node.from === `${year}-01-01` && node.to === `${year}-12-31`) applied.years.add(year);
    }
  };
  if (parsed.ok && parsed.query) visit(parsed.query);
  return applied;
}

/** The panel; one per window. */
export class FacetPanel {
  /** The groups the user opened whole; they stay open for the next results. */
  private readonly expanded = new Set<string>();
  private width = 0;

  /** Each facet clicked narrows the listing's search by its filter. */
  constructor(
    private readonly root: HTMLElement,
    listing: Listing,
  ) {
    root.addEventListener('click', (event) => {
      const target = event.target as Element;
      const more = target.closest<HTMLButtonElement>('button[data-more]');
      if (more?.dataset.more) {
        const field = more.dataset.more;
        if (!this.expanded.delete(field)) this.expanded.add(field);
        this.fit();
        more.focus();
        return;
      }
      const button = target.closest<HTMLButtonElement>('button[data-clause]');
      if (button?.dataset.clause && !button.disabled) listing.narrow(button.dataset.clause);
    });
    new ResizeObserver(() => {
      if (root.clientWidth === this.width) return;
      this.width = root.clientWidth;
      this.fit();
    }).observe(root);
    listing.subscribe((event) => {
      if (event.type === 'query' && event.text === '') {
        this.setStale(false);
        this.hide();
      } else if (event.type === 'refused') this.setStale(true);
      else if (event.type === 'listed' && event.search) this.show(event.search.results.facets, event.search.query);
    });
  }

  /** Shows the facets of results for `query` (the whole query sent to main). */
  private show(facets: SearchFacets, query: string): void {
    const applied = appliedFilters(query);
    const groups = [
      this.group('tag', 'Tags', facets.tags, (value) => applied.tags.has(tagKey(value))),
      this.group('source', 'Sources', facets.sources, (value) => applied.sources.has(value.toLocaleLowerCase('und'))),
      this.group('year', 'Years', facets.years, (value) => applied.years.has(value), true),
    ].filter((group) => group !== null);
    replaceChildren(this.root, ...groups);
    this.root.hidden = groups.length === 0;
    this.setStale(false);
    this.fit();
  }

  /** Hides the panel (there is no query). */
  private hide(): void {
    this.root.hidden = true;
    this.root.replaceChildren();
  }

  /**
   * Marks the panel as belonging to results the current text no longer gives (it does not
   * parse): it is dimmed and cannot be used, since a filter added to that text fails too.
   */
  private setStale(stale: boolean): void {
    this.root.classList.toggle('stale', stale);
    this.root.inert = stale;
  }

  private group(
    field: FacetField,
    label: string,
    counts: Record<string, number>,
    isApplied: (value: string) => boolean,
    newestFirst = false,
  ): HTMLElement | null {
    const entries = topFacets(Object.fromEntries(Object.entries(counts).filter(([value]) => !isApplied(value))));
    if (entries.length === 0) return null;
    if (newestFirst) entries.sort(([a], [b]) => b.localeCompare(a));
    const id = `facet-${field}-label`;
    const more = el('button', { className: 'facet-more', attrs: { type: 'button', hidden: true }, dataset: { more: field } });
    return el(
      'div',
      { className: 'facet-group', attrs: { role: 'group', 'aria-labelledby': id }, dataset: { field, label: label.toLowerCase() } },
      el('span', { className: 'facet-label', attrs: { id } }, label),
      el('div', { className: 'facet-values' }, ...entries.map(([value, count]) => this.button(field, value, count)), more),
    );
  }

  /** Shows each group on one line, hiding what does not fit behind its "more" button. */
  private fit(): void {
    if (this.root.hidden) return;
    for (const group of this.root.querySelectorAll<HTMLElement>('.facet-group')) {
      const chips = [...group.querySelectorAll<HTMLButtonElement>('button.facet')];
      const more = group.querySelector<HTMLButtonElement>('button[data-more]');
      const first = chips[0];
      if (!more || !first) continue;
      for (const chip of chips) chip.hidden = false;
      more.hidden = true;
      const top = first.offsetTop;
      if (chips.every((chip) => chip.offsetTop === top)) continue;
      more.hidden = false;
      const label = group.dataset.label ?? 'values';
      if (this.expanded.has(group.dataset.field ?? '')) {
        more.textContent = 'fewer';
        more.setAttribute('aria-label', `Show fewer ${label}`);
        more.setAttribute('aria-expanded', 'true');
        continue;
      }
      let hidden = 0;
      do {
        hidden++;
        chips[chips.length - hidden]!.hidden = true;
        more.textContent = `+${hidden} more`;
      } while (hidden < chips.length - 1 && more.offsetTop !== top);
      more.setAttribute('aria-label', `Show ${hidden} more ${label}`);
      more.setAttribute('aria-expanded', 'false');
    }
  }

  private button(field: FacetField, value: string, count: number): HTMLButtonElement {
    const clause = facetClause(field, value);
    return el(
      'button',
      {
        className: 'facet',
        // Named by what it shows, then what the number counts ("BBC News 2 results"), so the
        // name contains the visible text; what a click does is its description (the title).
        attrs: {
          type: 'button',
          title: clause ? `Add ${clause} to the search` : `“${value}” has quotation marks, which a search cannot contain`,
          disabled: clause === null,
        },
        dataset: clause ? { clause } : {},
      },
      el('span', { className: 'facet-value' }, value),
      ' ',
      el('span', { className: 'facet-count' }, count.toLocaleString()),
      el('span', { className: 'visually-hidden' }, count === 1 ? ' result' : ' results'),
    );
  }
}
