/**
 * The undo toast: after a tag is renamed, merged, moved or deleted, main's one-line summary
 * ("Renamed “ukraine” to “europe/ukraine” on 120 articles") with an Undo button, at the foot
 * of the window. Undo (or Ctrl/Cmd+Z when no text field has the keyboard) asks main to undo
 * the latest tag change; what the undo did is shown the same way, with Undo again while main
 * says there is more to undo.
 */
import type { TagChangeSummary } from '../../common/api';
import { messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';

/** How long the toast stays, in milliseconds, unless the pointer or focus is on it. */
const SHOWN_FOR_MS = 15_000;

/** The toast; one per window. */
export class UndoToast {
  readonly element: HTMLElement;
  private readonly message = el('span', { className: 'undo-message', attrs: { id: 'undo-message' } });
  private readonly button = el('button', { className: 'button small', attrs: { id: 'undo-button', type: 'button', 'aria-keyshortcuts': 'Control+Z Meta+Z' } }, 'Undo');
  private timer: number | undefined;
  private canUndo = false;
  private busy = false;

  /** `undo` asks main to undo; `undone` tells the owner to refresh what it shows. */
  constructor(
    private readonly undo: () => Promise<TagChangeSummary | null>,
    private readonly undone: (summary: TagChangeSummary | null) => void,
  ) {
    const close = el('button', { className: 'undo-close', attrs: { type: 'button', 'aria-label': 'Dismiss' } }, '×');
    this.element = el('div', { className: 'undo-toast', attrs: { id: 'undo-toast', role: 'status', hidden: true } }, this.message, this.button, close);
    document.body.append(this.element);
    this.button.addEventListener('click', () => void this.undoLatest());
    close.addEventListener('click', () => this.hide());
    this.element.addEventListener('pointerenter', () => window.clearTimeout(this.timer));
    this.element.addEventListener('focusin', () => window.clearTimeout(this.timer));
  }

  /** Shows what a change did, with Undo when main can undo it. */
  show(summary: TagChangeSummary, error = false): void {
    this.canUndo = summary.canUndo;
    if (error) this.element.dataset.kind = 'error';
    else delete this.element.dataset.kind;
    this.message.textContent = summary.message;
    this.button.hidden = !summary.canUndo;
    this.element.hidden = false;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.hide(), SHOWN_FOR_MS);
  }

  /** Hides the toast. */
  hide(): void {
    window.clearTimeout(this.timer);
    this.element.hidden = true;
  }

  /** Undoes the latest tag change (the toast's button and Ctrl/Cmd+Z). */
  async undoLatest(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.button.disabled = true;
    try {
      const summary = await this.undo();
      if (summary) this.show(summary);
      else this.show({ message: 'Nothing to undo', articles: 0, canUndo: false });
      this.undone(summary);
    } catch (error) {
      this.show({ message: messageOf(error), articles: 0, canUndo: this.canUndo }, true);
    } finally {
      this.busy = false;
      this.button.disabled = false;
    }
  }
}
