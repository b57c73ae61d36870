/**
 * The "Clip from the browser" dialog: turns the loopback endpoint on and off, and shows the
 * pairing token and the bookmarklet (to drag to the bookmarks bar or copy). The bookmarklet
 * link is never followed here: the app's own page must not run it.
 */
import type { BrowserClippingStatus } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { required } from '../helpers/dom';
import { Dialog } from './dialog';

/** The dialog, wired to the markup in index.html. */
export class BrowserClippingDialog extends Dialog {
  private readonly enabled = required('browser-enabled', HTMLInputElement);
  private readonly details = required('browser-details', HTMLElement);
  private readonly token = required('browser-token', HTMLElement);
  private readonly link = required('browser-bookmarklet', HTMLAnchorElement);
  private readonly text = required('browser-bookmarklet-text', HTMLTextAreaElement);
  private readonly error = required('browser-error', HTMLElement);
  private readonly copied = required('browser-copied', HTMLElement);

  constructor() {
    super(required('browser-dialog', HTMLDialogElement));
    required('browser-form', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());
    required('browser-close', HTMLButtonElement).addEventListener('click', () => this.close());
    this.enabled.addEventListener('change', () => void this.change(this.enabled.checked));
    this.link.addEventListener('click', (event) => {
      event.preventDefault();
      this.showError('Drag the link to your browser’s bookmarks bar; clicking it here does nothing.');
    });
    required('browser-copy', HTMLButtonElement).addEventListener('click', () => {
      this.text.select();
      void this.copy(this.text.value, 'the bookmarklet');
    });
    required('browser-copy-token', HTMLButtonElement).addEventListener('click', () => void this.copy(this.token.textContent ?? '', 'the pairing token'));
  }

  /**
   * Puts text on the clipboard and says so, or says why not: a copy that fails silently
   * leaves the user pasting whatever the clipboard held before (in the desktop app, main
   * grants clipboard writes to the window only: main/policies/permission-policy.ts).
   */
  private async copy(text: string, what: string): Promise<void> {
    this.showError('');
    this.copied.textContent = '';
    try {
      if (!navigator.clipboard) throw new Error('this window has no clipboard access');
      await navigator.clipboard.writeText(text);
      this.copied.textContent = `Copied ${what}.`;
    } catch (error) {
      const reason = error instanceof Error && error.message !== '' ? error.message : String(error);
      this.showError(`Could not copy ${what} (${reason}). Select it and press Ctrl+C (⌘C) instead.`);
    }
  }

  /** Opens the dialog showing the current setting. */
  async open(): Promise<void> {
    this.showError('');
    this.copied.textContent = '';
    this.showModal();
    try {
      this.show(await call('browserClipping'));
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  private async change(enabled: boolean): Promise<void> {
    this.enabled.disabled = true;
    this.showError('');
    try {
      this.show(await call('setBrowserClipping', enabled));
    } catch (error) {
      this.showError(messageOf(error));
      this.enabled.checked = !enabled;
    } finally {
      this.enabled.disabled = false;
    }
  }

  private show(status: BrowserClippingStatus): void {
    this.enabled.checked = status.enabled;
    this.details.hidden = !status.enabled;
    this.token.textContent = status.token ?? '';
    this.text.value = status.bookmarklet ?? '';
    this.link.href = status.bookmarklet ?? '#';
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
