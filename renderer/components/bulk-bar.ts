/**
 * The bulk bar over the article list, shown while more than one article is selected: how
 * many, "Select all N results" (every result of the query, loaded or not), a field for tags
 * and buttons to add them to or remove them from every selected article. While main works
 * through them (bulkTag), a progress bar follows its `bulk-progress` events; the end shows
 * main's summary, or its message word for word, until the listing lists another query.
 */
import type { BulkTagSummary } from '../../common/api';
import { messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';
import { plural } from '../helpers/format';
import { splitTags } from '../helpers/split-tags';
import type { Listing } from '../listing/listing';

/** What the bar needs from its owner. */
export interface BulkBarOptions {
  /** How many are selected, and whether that is every result of the query. */
  selection(): { count: number; all: boolean };
  selectAll(): void;
  clear(): void;
  /** Applies the change to the selection; resolves to main's summary. */
  apply(change: { add?: string[]; remove?: string[] }): Promise<BulkTagSummary>;
}

/** The bar; one per window. */
export class BulkBar {
  private readonly count = el('span', { className: 'bulk-count', attrs: { id: 'bulk-count', 'aria-live': 'polite' } });
  private readonly selectAllButton = el('button', { className: 'button link', attrs: { id: 'bulk-select-all', type: 'button' } });
  private readonly clearButton = el('button', { className: 'button link', attrs: { id: 'bulk-clear', type: 'button' } }, 'Clear');
  private readonly input = el('input', { className: 'bulk-tags', attrs: { id: 'bulk-tags', type: 'text', placeholder: 'Tags, separated by commas', 'aria-label': 'Tags to add or remove', autocomplete: 'off', spellcheck: 'false' } });
  private readonly addButton = el('button', { className: 'button small primary', attrs: { id: 'bulk-add', type: 'button' } }, 'Add tags');
  private readonly removeButton = el('button', { className: 'button small', attrs: { id: 'bulk-remove', type: 'button' } }, 'Remove tags');
  private readonly progress = el('progress', { attrs: { id: 'bulk-progress', max: 1, 'aria-label': 'Tagging progress' } });
  private readonly progressText = el('span', { className: 'field-note', attrs: { id: 'bulk-progress-text' } });
  private readonly progressRow = el('div', { className: 'bulk-progress-row', attrs: { hidden: true } }, this.progress, this.progressText);
  private readonly result = el('p', { className: 'bulk-result', attrs: { id: 'bulk-result', role: 'status', hidden: true } });
  private busy = false;
  private readonly controls: HTMLElement;
  /** The query last listed: a change's result stays shown while the list is that query's. */
  private lastListed: string | null = null;

  constructor(
    private readonly root: HTMLElement,
    private readonly listing: Listing,
    private readonly options: BulkBarOptions,
  ) {
    this.controls = el(
      'div',
      { className: 'bulk-controls' },
      el('div', { className: 'bulk-row' }, this.count, this.selectAllButton, this.clearButton),
      el('div', { className: 'bulk-row' }, this.input, this.addButton, this.removeButton),
      this.progressRow,
    );
    root.append(this.controls, this.result);
    this.selectAllButton.addEventListener('click', () => options.selectAll());
    this.clearButton.addEventListener('click', () => options.clear());
    this.addButton.addEventListener('click', () => void this.apply('add'));
    this.removeButton.addEventListener('click', () => void this.apply('remove'));
    this.input.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter') return;
      event.preventDefault();
      void this.apply(event.shiftKey ? 'remove' : 'add');
    });
    listing.subscribe((event) => {
      if (event.type !== 'listed') return;
      if (listing.query !== this.lastListed) this.reset();
      this.lastListed = listing.query;
    });
    this.update();
  }

  /** Shows or hides the bar for the list's selection. */
  update(): void {
    const { count, all } = this.options.selection();
    const total = this.listing.total;
    const shown = this.busy || count > 1 || all;
    // The result of the last change stays in view (the list is reloaded after it) until the
    // next change or another search.
    this.controls.hidden = !shown;
    this.root.hidden = !shown && this.result.hidden;
    if (!shown) return;
    const number = all ? total : count;
    this.count.textContent = all ? `All ${plural(number, 'result')} selected` : `${plural(number, 'article')} selected`;
    this.selectAllButton.textContent = `Select all ${plural(total, 'result')}`;
    this.selectAllButton.hidden = all || total <= count;
  }

  /** Main's `bulk-progress` event. */
  showProgress(done: number, total: number): void {
    if (!this.busy) return;
    this.progress.max = Math.max(total, 1);
    this.progress.value = done;
    this.progressText.textContent = `${done.toLocaleString()} of ${plural(total, 'article')}`;
  }

  /** Hides the last result (another search). */
  private reset(): void {
    this.result.hidden = true;
    this.update();
  }

  private async apply(kind: 'add' | 'remove'): Promise<void> {
    if (this.busy) return;
    const tags = splitTags(this.input.value);
    if (tags.length === 0) {
      this.showResult(`Type the tags to ${kind}, separated by commas.`, true);
      this.input.focus();
      return;
    }
    this.setBusy(true);
    this.result.hidden = true;
    try {
      const summary = await this.options.apply(kind === 'add' ? { add: tags } : { remove: tags });
      this.input.value = '';
      this.showResult(summary.message, false);
    } catch (error) {
      this.showResult(messageOf(error), true);
    } finally {
      this.setBusy(false);
    }
  }

  private showResult(message: string, error: boolean): void {
    this.result.textContent = message;
    this.result.classList.toggle('form-error', error);
    this.result.hidden = false;
    this.root.hidden = false;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    for (const control of [this.input, this.addButton, this.removeButton, this.selectAllButton, this.clearButton]) control.disabled = busy;
    if (busy) {
      this.progress.removeAttribute('value');
      this.progressText.textContent = 'Tagging…';
    }
    this.progressRow.hidden = !busy;
    this.update();
  }
}
