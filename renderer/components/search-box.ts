/**
 * The search box: searches as the user types, once typing pauses for a moment, so that each
 * keystroke does not start a search of its own. Escape clears it.
 *
 * When main refuses a query that does not parse, its message is shown under the box and the
 * fault is underlined in the box itself: the query is parsed here too (common/query.ts, the
 * parser main uses), and an overlay drawn over the field with the same font and padding
 * underlines the characters at the fault's position. The message goes as soon as the text
 * parses again.
 *
 * The box shows the listing's search text (listing/listing.ts): what is typed goes to the
 * listing as it is typed, and the listing is asked to list again once typing pauses; a text
 * the listing is given elsewhere (a facet, a timeline bar, a saved search) is put in the box.
 */
import { parseSearchQuery } from '../../common/query';
import type { Listing } from '../listing/listing';

/** How long typing must pause before a search starts, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The elements of the search box in index.html. */
export interface SearchBoxElements {
  input: HTMLInputElement;
  /** Where a query's fault is explained (role=alert). */
  error: HTMLElement;
  /** The overlay that underlines the fault. */
  fault: HTMLElement;
}

/** The search field and its query errors. */
export class SearchBox {
  private timer: number | undefined;
  private readonly input: HTMLInputElement;
  private readonly error: HTMLElement;
  private readonly fault: HTMLElement;

  constructor(
    elements: SearchBoxElements,
    private readonly listing: Listing,
  ) {
    ({ input: this.input, error: this.error, fault: this.fault } = elements);
    this.input.addEventListener('input', () => {
      listing.setText(this.query);
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => void listing.reload(), SEARCH_DEBOUNCE_MS);
      if (this.hasError) {
        if (parseSearchQuery(this.input.value).ok) this.clearError();
        else this.drawFault();
      }
    });
    // Keep the underline under its characters when a long query scrolls sideways.
    for (const type of ['scroll', 'keyup', 'select', 'focus', 'blur'] as const) {
      this.input.addEventListener(type, () => this.syncFaultScroll());
    }
    listing.subscribe((event) => {
      if (event.type === 'text') this.show(event.text);
      else if ((event.type === 'query' && event.text === '') || (event.type === 'listed' && event.search)) this.clearError();
      else if (event.type === 'refused') this.showError(event.message);
    });
  }

  /** The query as typed, trimmed. */
  get query(): string {
    return this.input.value.trim();
  }

  /** The text field, so that the window's keyboard handling can tell where keys go. */
  get element(): HTMLInputElement {
    return this.input;
  }

  /** Whether a query error is showing. */
  get hasError(): boolean {
    return !this.error.hidden;
  }

  /** Empties the box and searches for nothing (the whole list) at once. */
  clear(): void {
    window.clearTimeout(this.timer);
    const hadQuery = this.input.value !== '';
    this.input.value = '';
    this.clearError();
    this.listing.setText('');
    if (hadQuery) void this.listing.reload();
  }

  /** Shows a query the listing was given (and is about to search for) in place of what was typed. */
  private show(query: string): void {
    window.clearTimeout(this.timer);
    this.input.value = query;
    if (this.hasError && parseSearchQuery(query).ok) this.clearError();
  }

  /** Focuses the box and selects what is in it, ready to type over. */
  focus(): void {
    this.input.focus();
    this.input.select();
  }

  /** Shows main's message for a query it refused, and underlines the fault if it is one. */
  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = false;
    this.input.setAttribute('aria-invalid', 'true');
    this.drawFault();
  }

  /** Takes the message and the underline away. */
  private clearError(): void {
    this.error.hidden = true;
    this.error.textContent = '';
    this.input.removeAttribute('aria-invalid');
    this.fault.hidden = true;
    this.fault.replaceChildren();
  }

  /** Underlines the fault of the text now in the box, if it does not parse. */
  private drawFault(): void {
    const text = this.input.value;
    const parsed = parseSearchQuery(text);
    if (parsed.ok) {
      this.fault.hidden = true;
      this.fault.replaceChildren();
      return;
    }
    const { position, length } = parsed.error;
    // A fault at the very end (nothing after an operator) underlines a space there.
    const faulty = text.slice(position, position + length) || ' ';
    const mark = document.createElement('span');
    mark.className = 'fault';
    mark.textContent = faulty;
    // All of the text is laid out (invisibly), so that the overlay scrolls as far as the field.
    this.fault.replaceChildren(text.slice(0, position), mark, text.slice(position + length));
    this.fault.hidden = false;
    this.syncFaultScroll();
  }

  private syncFaultScroll(): void {
    if (!this.fault.hidden) this.fault.scrollLeft = this.input.scrollLeft;
  }
}
