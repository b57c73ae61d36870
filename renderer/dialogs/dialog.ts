/**
 * What every dialog of the window shares, and the one place that knows whether one is open.
 *
 * A dialog is a <dialog> shown modal. While it is busy (main is still working on what it
 * asked), Escape does not close it: the work would go on with nothing left on screen to say
 * how it ended. A dialog may do something else with that Escape instead (the export dialog
 * cancels its export). When a dialog closes, focus goes back to where it was before it opened:
 * <dialog> does that itself, so nothing here repeats it.
 *
 * Every dialog registers itself when it is built, so `isDialogOpen` can answer for all of them:
 * the keyboard shortcuts, files dropped on the window and main's menu commands ask it, and
 * stand aside while a dialog has the window.
 */
import { el } from '../helpers/dom';

/** Every dialog of the window, for isDialogOpen. */
const dialogs = new Set<Dialog>();

/**
 * Whether a dialog of the window is showing; `except` leaves one out (the one a command would
 * open again, which then only takes the new input).
 */
export function isDialogOpen(except?: Dialog): boolean {
  for (const dialog of dialogs) if (dialog !== except && dialog.isOpen) return true;
  return false;
}

/**
 * A new, empty <dialog> of the window's kind, added to the page, for a dialog that builds its
 * own markup (with el(), never HTML strings) instead of taking it from index.html.
 */
export function createDialogElement(id: string, className: string, labelledBy: string): HTMLDialogElement {
  const dialog = el('dialog', { className: `dialog ${className}`, attrs: { id, 'aria-labelledby': labelledBy } });
  document.body.append(dialog);
  return dialog;
}

/** The base of every dialog: its element, open and close, and the busy state. */
export abstract class Dialog {
  /** Set while main works on what the dialog asked; Escape then does not close it. */
  protected busy = false;

  constructor(readonly dialog: HTMLDialogElement) {
    dialogs.add(this);
    dialog.addEventListener('cancel', (event) => {
      if (!this.busy) return;
      event.preventDefault();
      this.cancelWhileBusy();
    });
  }

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** Closes the dialog. */
  close(): void {
    this.dialog.close();
  }

  /** Shows the dialog modal, if it is not showing already. */
  protected showModal(): void {
    if (!this.dialog.open) this.dialog.showModal();
  }

  /** Escape pressed while busy: the dialog stays, and by default nothing else happens. */
  protected cancelWhileBusy(): void {}
}
