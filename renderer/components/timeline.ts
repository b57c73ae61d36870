/**
 * The timeline above the article list: the current query's articles counted per day, week
 * or month (main's `timeline`), by published or clipped date, as a bar chart. Each bar is a
 * plain <button> (no chart library): clicking it, or Enter on it, narrows the search to that
 * period by adding `published:from..to` (or `clipped:…`) to the query. The bars are one tab
 * stop; the arrow keys, Home and End move between them. It counts again each time the
 * listing lists (a listing whose tag cannot be said in a query leaves it as it was).
 */
import type { Timeline as TimelineData, TimelineBucket, TimelineRequest } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { formatDate, plural } from '../helpers/format';
import type { Listing } from '../listing/listing';

/** Where the timeline's counts come from: main (a stand-in in tests). */
export type TimelineSource = (request: TimelineRequest) => Promise<TimelineData>;

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A bar's period for people: `12 Jan 2022`, `Week of 10 Jan 2022`, `Jan 2022`. */
export function periodLabel(bucket: Pick<TimelineBucket, 'from'>, unit: TimelineRequest['unit']): string {
  if (unit === 'month') return monthFormat.format(new Date(`${bucket.from}T00:00:00Z`));
  if (unit === 'week') return `Week of ${formatDate(bucket.from)}`;
  return formatDate(bucket.from);
}

/** The query clause for a bar: `published:2022-03-01..2022-03-31`, or one day alone. */
export function periodClause(by: TimelineRequest['by'], bucket: Pick<TimelineBucket, 'from' | 'to'>): string {
  return bucket.from === bucket.to ? `${by}:${bucket.from}` : `${by}:${bucket.from}..${bucket.to}`;
}

/** The chart and its controls; one per window. */
export class Timeline {
  private readonly bySelect = el(
    'select',
    { className: 'timeline-select', attrs: { id: 'timeline-by', 'aria-label': 'Count by date' } },
    el('option', { attrs: { value: 'published' } }, 'Published'),
    el('option', { attrs: { value: 'clipped' } }, 'Clipped'),
  );
  private readonly unitSelect = el(
    'select',
    { className: 'timeline-select', attrs: { id: 'timeline-unit', 'aria-label': 'Bar for each' } },
    el('option', { attrs: { value: 'day' } }, 'Days'),
    el('option', { attrs: { value: 'week' } }, 'Weeks'),
    el('option', { attrs: { value: 'month', selected: true } }, 'Months'),
  );
  private readonly toggle = el('button', { className: 'timeline-toggle', attrs: { id: 'timeline-toggle', type: 'button', 'aria-expanded': 'true', 'aria-controls': 'timeline-body' } }, 'Timeline');
  private readonly note = el('span', { className: 'timeline-note', attrs: { id: 'timeline-note' } });
  private readonly bars = el('div', { className: 'timeline-bars', attrs: { id: 'timeline-bars', role: 'group', 'aria-label': 'Articles per period' } });
  private readonly axis = el('div', { className: 'timeline-axis', attrs: { 'aria-hidden': 'true' } });
  private readonly body = el('div', { className: 'timeline-body', attrs: { id: 'timeline-body' } }, this.bars, this.axis);
  private query = '';
  private generation = 0;
  private data: TimelineData | null = null;
  /** The bar with the tab stop. */
  private focusIndex = 0;

  constructor(
    root: HTMLElement,
    private readonly listing: Listing,
    private readonly fetch: TimelineSource = (request) => call('timeline', request),
  ) {
    root.append(el('div', { className: 'timeline-header' }, this.toggle, this.note, this.bySelect, this.unitSelect), this.body);
    this.bySelect.addEventListener('change', () => void this.load(this.query));
    this.unitSelect.addEventListener('change', () => void this.load(this.query));
    this.toggle.addEventListener('click', () => {
      const open = this.body.hidden;
      this.body.hidden = !open;
      this.bySelect.hidden = !open;
      this.unitSelect.hidden = !open;
      this.toggle.setAttribute('aria-expanded', String(open));
      if (open) void this.load(this.query);
    });
    this.bars.addEventListener('click', (event) => {
      const bar = (event.target as Element).closest<HTMLButtonElement>('button[data-index]');
      if (bar) this.choose(Number(bar.dataset.index));
    });
    this.bars.addEventListener('keydown', (event) => this.onKeyDown(event));
    listing.subscribe((event) => {
      if (event.type === 'listed') void this.load(listing.query);
    });
  }

  /** Counts the articles of `query` ('' for all) and draws them. */
  async load(query: string): Promise<void> {
    this.query = query;
    if (this.body.hidden) return;
    const mine = ++this.generation;
    const request: TimelineRequest = {
      query,
      by: this.bySelect.value as TimelineRequest['by'],
      unit: this.unitSelect.value as TimelineRequest['unit'],
    };
    let data: TimelineData;
    try {
      data = await this.fetch(request);
    } catch (error) {
      if (mine !== this.generation) return;
      this.data = null;
      this.note.textContent = messageOf(error);
      this.note.classList.add('error');
      replaceChildren(this.bars);
      replaceChildren(this.axis);
      return;
    }
    if (mine !== this.generation) return;
    this.note.classList.remove('error');
    this.data = data;
    this.focusIndex = Math.max(0, data.buckets.length - 1);
    this.render(data);
  }

  private render(data: TimelineData): void {
    const dated = data.buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    this.note.textContent = data.undated > 0 ? `${plural(dated, 'article')}; ${data.undated.toLocaleString()} with no ${data.by} date` : plural(dated, 'article');
    this.note.title = this.note.textContent;
    const highest = Math.max(1, ...data.buckets.map((bucket) => bucket.count));
    replaceChildren(
      this.bars,
      ...data.buckets.map((bucket, index) => {
        const label = `${periodLabel(bucket, data.unit)}: ${plural(bucket.count, 'article')}`;
        const bar = el(
          'button',
          {
            className: bucket.count === 0 ? 'timeline-bar empty' : 'timeline-bar',
            attrs: { type: 'button', title: label, 'aria-label': label, tabindex: index === this.focusIndex ? 0 : -1 },
            dataset: { index: String(index), from: bucket.from, to: bucket.to, count: String(bucket.count) },
          },
          el('span', { className: 'timeline-fill' }),
        );
        bar.style.setProperty('--height', `${Math.round((bucket.count / highest) * 100)}%`);
        return bar;
      }),
    );
    const first = data.buckets[0];
    const last = data.buckets.at(-1);
    replaceChildren(
      this.axis,
      first ? el('span', {}, periodLabel(first, data.unit)) : el('span', {}, `No articles with a ${data.by} date`),
      last && last !== first ? el('span', {}, periodLabel(last, data.unit)) : null,
    );
    // The latest bars are the ones most often wanted: show the end of a long chart.
    this.bars.scrollLeft = this.bars.scrollWidth;
  }

  private choose(index: number): void {
    const bucket = this.data?.buckets[index];
    if (!this.data || !bucket || bucket.count === 0) return;
    this.focusIndex = index;
    this.listing.narrow(periodClause(this.data.by, bucket));
  }

  private onKeyDown(event: KeyboardEvent): void {
    const count = this.data?.buckets.length ?? 0;
    if (count === 0) return;
    let next = this.focusIndex;
    if (event.key === 'ArrowRight') next = Math.min(count - 1, next + 1);
    else if (event.key === 'ArrowLeft') next = Math.max(0, next - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = count - 1;
    else return;
    event.preventDefault();
    // The list's own keys (Home, End) must not fire too.
    event.stopPropagation();
    this.bars.querySelector(`[data-index="${this.focusIndex}"]`)?.setAttribute('tabindex', '-1');
    this.focusIndex = next;
    const bar = this.bars.querySelector<HTMLElement>(`[data-index="${next}"]`);
    bar?.setAttribute('tabindex', '0');
    bar?.focus();
    bar?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}
