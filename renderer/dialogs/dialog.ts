/**
 * What every dialog of the window shares, and the one place that knows whether one is open.
 *
 * A dialog is a <dialog> shown modal. While it is busy (main is still working on what it
 * asked), Escape does not close it: the work would go on with nothing left on screen to say
 * how it ended. A dialog may do something else with that Escape instead (the export dialog
 * cancels its export).
 *
 * The keyboard stays in a dialog while it is open and goes back where it was when it closes.
 * A modal <dialog> makes the page behind it inert, but Tab from its last control leaves the
 * page (in Electron, to nowhere visible): here Tab from the last control comes round to the
 * first, and Shift+Tab from the first to the last. <dialog> gives focus back to the element
 * that had it on close, unless that element is gone (the sidebar draws its tags anew after an
 * Edit tag dialog renamed one); then the list, the window's home for the keyboard, takes it.
 *
 * Every dialog registers itself when it is built, so `isDialogOpen` can answer for all of them:
 * the keyboard shortcuts, files dropped on the window and main's menu commands ask it, and
 * stand aside while a dialog has the window.
 */
import { el } from '../helpers/dom';

/** What Tab may reach inside a dialog, in document order (then filtered to what is shown and enabled). */
const FOCUSABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** The controls Tab reaches inside `container`, in order: shown, enabled, not taken out of the tab order. */
export function tabbableIn(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (element) => element.tabIndex >= 0 && !(element as HTMLButtonElement).disabled && element.getClientRects().length > 0 && element.closest('[inert]') === null,
  );
}

/** The keyboard's home in the window: the list, or the first-run guide while the library is empty. */
function focusHome(): void {
  const list = document.getElementById('article-list');
  if (list && !list.hidden) list.focus();
  else document.querySelector<HTMLElement>('#first-run button')?.focus();
}

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

  /** What had the keyboard when the dialog opened, to give it back. */
  private opener: HTMLElement | null = null;

  constructor(readonly dialog: HTMLDialogElement) {
    dialogs.add(this);
    dialog.addEventListener('cancel', (event) => {
      if (!this.busy) return;
      event.preventDefault();
      this.cancelWhileBusy();
    });
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey) this.keepTabInside(event);
    });
    dialog.addEventListener('close', () => this.giveFocusBack());
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
    if (this.dialog.open) return;
    this.opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    this.dialog.showModal();
  }

  /** Tab from the last control to the first, Shift+Tab from the first to the last. */
  private keepTabInside(event: KeyboardEvent): void {
    const tabbable = tabbableIn(this.dialog);
    const first = tabbable[0];
    const last = tabbable[tabbable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const inside = document.activeElement instanceof HTMLElement && this.dialog.contains(document.activeElement);
    if (event.shiftKey && (!inside || document.activeElement === first)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (!inside || document.activeElement === last)) {
      event.preventDefault();
      first.focus();
    }
  }

  /** Back to what had the keyboard, or to the list when that is gone (see the top of the file). */
  private giveFocusBack(): void {
    const opener = this.opener;
    this.opener = null;
    if (opener?.isConnected && opener.getClientRects().length > 0) {
      opener.focus();
      // What the dialog changed may redraw the opener a moment later (main answers, then the
      // sidebar draws its tags anew): if it goes while it still has the focus, home takes it.
      const observer = new MutationObserver(() => {
        if (opener.isConnected) return;
        observer.disconnect();
        if (document.activeElement === null || document.activeElement === document.body) focusHome();
      });
      observer.observe(document.body, { childList: true, subtree: true });
      opener.addEventListener('blur', () => observer.disconnect(), { once: true });
      return;
    }
    focusHome();
  }

  /** Escape pressed while busy: the dialog stays, and by default nothing else happens. */
  protected cancelWhileBusy(): void {}
}
