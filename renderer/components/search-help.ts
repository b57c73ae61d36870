/**
 * The "?" beside the search box and its popover listing the query syntax. The markup and
 * the opening and closing are HTML's own (the `popover` attribute, `popovertarget` on the
 * buttons: a click outside closes it too); this adds what HTML leaves out: the button's
 * aria-expanded, focus moved into the popover when it opens so a screen reader reads it,
 * and Escape handled here rather than by the window's shortcuts, which would clear the
 * search (see keyboard-shortcuts.ts).
 */

/** The syntax help popover. */
export class SearchHelp {
  constructor(
    private readonly button: HTMLButtonElement,
    private readonly popover: HTMLElement,
  ) {
    popover.addEventListener('toggle', (event) => {
      const open = (event as ToggleEvent).newState === 'open';
      button.setAttribute('aria-expanded', String(open));
      if (open) popover.focus();
    });
  }

  /** Whether the popover is showing. */
  get isOpen(): boolean {
    return this.popover.matches(':popover-open');
  }

  /** Opens the popover (the `?` key). */
  open(): void {
    if (!this.isOpen) this.popover.showPopover();
  }

  /** Closes the popover and gives focus back to its button; false if it was not open. */
  close(): boolean {
    if (!this.isOpen) return false;
    const hadFocus = this.popover.contains(document.activeElement);
    this.popover.hidePopover();
    if (hadFocus || document.activeElement === document.body) this.button.focus();
    return true;
  }
}
