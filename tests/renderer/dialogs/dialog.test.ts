// @vitest-environment jsdom
/** The dialogs' one base: the registry that says whether a dialog is open, and Escape while busy. */
import { describe, expect, it } from 'vitest';
import { createDialogElement, Dialog, isDialogOpen } from '../../../renderer/dialogs/dialog';

/** A dialog with its busy state and Escape handling open to the test. */
class TestDialog extends Dialog {
  cancelledWhileBusy = 0;
  setBusy(busy: boolean): void {
    this.busy = busy;
  }
  protected override cancelWhileBusy(): void {
    this.cancelledWhileBusy++;
  }
}

/** Escape on a modal dialog, as the browser sends it: a cancelable `cancel` event. */
function pressEscape(dialog: HTMLDialogElement): boolean {
  return dialog.dispatchEvent(new Event('cancel', { cancelable: true }));
}

describe('isDialogOpen', () => {
  it('answers for every dialog built, and can leave one out', () => {
    const first = new TestDialog(createDialogElement('first-dialog', 'first', 'first-heading'));
    const second = new TestDialog(createDialogElement('second-dialog', 'second', 'second-heading'));
    expect(isDialogOpen()).toBe(false);
    first.dialog.open = true;
    expect(isDialogOpen()).toBe(true);
    expect(isDialogOpen(first)).toBe(false);
    expect(isDialogOpen(second)).toBe(true);
    // (jsdom has no close(); closing takes the open attribute away.)
    first.dialog.open = false;
    expect(isDialogOpen()).toBe(false);
  });
});

describe('createDialogElement', () => {
  it('adds a labelled dialog of the window’s kind to the page', () => {
    const element = createDialogElement('made-dialog', 'made-dialog', 'made-heading');
    expect(element.parentElement).toBe(document.body);
    expect(element.className).toBe('dialog made-dialog');
    expect(element.getAttribute('aria-labelledby')).toBe('made-heading');
  });
});

describe('Dialog', () => {
  it('lets Escape close it unless it is busy, and then tells the dialog instead', () => {
    const dialog = new TestDialog(createDialogElement('busy-dialog', 'busy', 'busy-heading'));
    expect(pressEscape(dialog.dialog)).toBe(true);
    dialog.setBusy(true);
    expect(pressEscape(dialog.dialog)).toBe(false);
    expect(dialog.cancelledWhileBusy).toBe(1);
    dialog.setBusy(false);
    expect(pressEscape(dialog.dialog)).toBe(true);
    expect(dialog.cancelledWhileBusy).toBe(1);
  });
});
