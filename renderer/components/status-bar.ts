/**
 * The status bar at the foot of the window: what the app is doing, how many articles are
 * shown, how far the search index has loaded, and errors from main with their message
 * exactly as main wrote it.
 */
import type { SearchStatus } from '../../common/api';
import { replaceChildren } from '../helpers/dom';
import { plural } from '../helpers/format';
import type { Listing } from '../listing/listing';

/**
 * What the status bar says while the search index loads.
 *
 * @example indexProgressText({ state: 'loading', done: 250, total: 1000 }) // 'Loading search index… 25%'
 */
export function indexProgressText(status: SearchStatus): string {
  if (status.total <= 0) return 'Loading search index…';
  const percent = Math.min(100, Math.floor((status.done / status.total) * 100));
  return `Loading search index… ${percent}%`;
}

/** The status bar; one per window. */
export class StatusBar {
  private timer: number | undefined;

  constructor(
    private readonly message: HTMLElement,
    private readonly summary: HTMLElement,
    private readonly index: HTMLElement,
  ) {}

  /** Shows how far the search index has loaded, or nothing once it is ready. */
  setIndexStatus(status: SearchStatus): void {
    const loading = status.state !== 'ready';
    this.index.hidden = !loading;
    this.index.textContent = loading ? indexProgressText(status) : '';
    if (loading && status.total > 0) this.index.title = `${status.done.toLocaleString()} of ${status.total.toLocaleString()} articles`;
    else this.index.removeAttribute('title');
  }

  /** Shows a passing message, cleared after a few seconds. */
  info(text: string): void {
    this.set(text, 'info');
    this.timer = window.setTimeout(() => this.clear(), 4000);
  }

  /** Shows an error until the next message; errors stay so that they can be read. */
  error(text: string): void {
    this.set(text, 'error');
  }

  /** Clears the message. */
  clear(): void {
    this.set('', 'info');
  }

  /** Sets the right-hand summary (for example "3 of 40 articles"). */
  setSummary(text: string): void {
    this.summary.textContent = text;
  }

  /** Says in the summary how many articles are listed: for a search, out of the `libraryArticles()` there are. */
  followListing(listing: Listing, libraryArticles: () => number): void {
    listing.subscribe((event) => {
      if (event.type !== 'listed') return;
      const count = plural(event.total, 'article');
      if (event.search) this.setSummary(`${plural(event.search.results.total, 'result')} of ${plural(libraryArticles(), 'article')}`);
      else this.setSummary(event.tag === null ? count : `${count} tagged ${event.tag}`);
    });
  }

  private set(text: string, kind: 'info' | 'error'): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
    this.message.dataset.kind = kind;
    this.message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    replaceChildren(this.message, text);
  }
}
