/**
 * The "Clip from the browser" dialog: turns the loopback endpoint on and off; lists the
 * browser extensions paired with the library, each with Revoke (in force at once); and shows
 * what SingleFile needs, the pairing token and the bookmarklet (to drag to the bookmarks bar or
 * copy). The bookmarklet link is never followed here: the app's own page must not run it.
 */
import type { BrowserClippingStatus } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren, required } from '../helpers/dom';
import { Dialog } from './dialog';

/** The dialog, wired to the markup in index.html. */
export class BrowserClippingDialog extends Dialog {
  private readonly enabled = required('browser-enabled', HTMLInputElement);
  private readonly details = required('browser-details', HTMLElement);
  private readonly token = required('browser-token', HTMLElement);
  private readonly link = required('browser-bookmarklet', HTMLAnchorElement);
  private readonly text = required('browser-bookmarklet-text', HTMLTextAreaElement);
  private readonly error = required('browser-error', HTMLElement);
  private readonly port = required('browser-port', HTMLElement);
  private readonly pairings = required('browser-pairings', HTMLUListElement);
  private readonly singleFileUrl = required('browser-singlefile-url', HTMLElement);
  private readonly copied = required('browser-copied', HTMLElement);
  /**
   * How many times the setting has been asked for. Answers can come back out of order (the
   * status asked for on opening, slow on a busy machine, after the switch was flipped), and
   * only the newest may be shown: an older one would undo the switch on screen.
   */
  private asked = 0;

  constructor() {
    super(required('browser-dialog', HTMLDialogElement));
    required('browser-form', HTMLFormElement).addEventListener('submit', (event) => event.preventDefault());
    required('browser-close', HTMLButtonElement).addEventListener('click', () => this.close());
    this.enabled.addEventListener('change', () => void this.change(this.enabled.checked));
    this.link.addEventListener('click', (event) => {
      event.preventDefault();
      this.showError('Drag the link to your browser’s bookmarks bar; clicking it here does nothing.');
    });
    this.pairings.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-revoke]');
      if (button) void this.revoke(button.dataset.revoke!);
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
    // The switch waits for the setting: flipped before it is known, it would be flipped
    // back when the setting arrives.
    this.enabled.disabled = true;
    this.showModal();
    try {
      await this.ask(() => call('browserClipping'));
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.enabled.disabled = false;
    }
  }

  private async change(enabled: boolean): Promise<void> {
    this.enabled.disabled = true;
    this.showError('');
    try {
      await this.ask(() => call('setBrowserClipping', enabled));
    } catch (error) {
      this.showError(messageOf(error));
      this.enabled.checked = !enabled;
    } finally {
      this.enabled.disabled = false;
    }
  }

  /** Shows the setting again if the dialog is open (a pairing was just answered). */
  async refresh(): Promise<void> {
    if (!this.isOpen) return;
    try {
      await this.ask(() => call('browserClipping'));
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  private async revoke(id: string): Promise<void> {
    this.showError('');
    try {
      await this.ask(() => call('revokeBrowserPairing', id));
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  /** Asks main for the setting (or to change it) and shows the answer unless a newer question was asked since. */
  private async ask(question: () => Promise<BrowserClippingStatus>): Promise<void> {
    const ticket = ++this.asked;
    const status = await question();
    if (ticket === this.asked) this.show(status);
  }

  private show(status: BrowserClippingStatus): void {
    this.enabled.checked = status.enabled;
    this.details.hidden = !status.enabled;
    this.port.textContent = status.port === null ? '' : String(status.port);
    this.token.textContent = status.token ?? '';
    this.text.value = status.bookmarklet ?? '';
    this.link.href = status.bookmarklet ?? '#';
    this.singleFileUrl.textContent = status.singleFileUrl ?? '';
    if (status.pairings.length === 0) {
      replaceChildren(this.pairings, el('li', { className: 'field-note' }, 'None paired yet.'));
      return;
    }
    replaceChildren(
      this.pairings,
      ...status.pairings.map((pairing) =>
        el(
          'li',
          { className: 'browser-pairing' },
          el('span', {}, `${pairing.browser} — ${pairing.name} ${pairing.version}, allowed ${pairing.paired.slice(0, 10)}`),
          ' ',
          el('code', {}, pairing.origin),
          ' ',
          el('button', { className: 'button', attrs: { type: 'button', 'data-revoke': pairing.id, 'aria-label': `Revoke ${pairing.browser} (${pairing.origin})` } }, 'Revoke'),
        ),
      ),
    );
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
