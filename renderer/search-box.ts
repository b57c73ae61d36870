/**
 * The search box: searches as the user types, once typing pauses for a moment, so that each
 * keystroke does not start a search of its own. Escape clears it.
 */

/** How long typing must pause before a search starts, in milliseconds. */
export const SEARCH_DEBOUNCE_MS = 150;

/** The search field and its result count. */
export class SearchBox {
  private timer: number | undefined;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly total: HTMLElement,
    private readonly onQuery: (query: string) => void,
  ) {
    input.addEventListener('input', () => {
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.onQuery(this.query), SEARCH_DEBOUNCE_MS);
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

  /** Empties the box and searches for nothing (the whole list) at once. */
  clear(): void {
    window.clearTimeout(this.timer);
    const hadQuery = this.input.value !== '';
    this.input.value = '';
    if (hadQuery) this.onQuery('');
  }

  /** Focuses the box and selects what is in it, ready to type over. */
  focus(): void {
    this.input.focus();
    this.input.select();
  }

  /** Shows the number of results (or nothing, when not searching). */
  setTotal(text: string): void {
    this.total.textContent = text;
    this.total.hidden = text === '';
  }
}
