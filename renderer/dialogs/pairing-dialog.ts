/**
 * "Allow a browser to clip into Cuttings?": the Cuttings browser extension asked to be paired
 * (main's `browser-pairing-request` event). The dialog names what asks — the browser, the
 * extension and its id — so the user can tell it is the one they just clicked "Connect" in, and
 * answers once: Allow gives that extension its own token (which it never shows in a page),
 * Refuse gives nothing. Requests that arrive while one is shown wait their turn. Focus starts
 * on Refuse, so that a stray Enter never grants access.
 */
import type { BrowserPairingRequest } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';
import { createDialogElement, Dialog } from './dialog';

/** The dialog; one per window. */
export class PairingDialog extends Dialog {
  private readonly browser = el('strong', { attrs: { id: 'pairing-browser' } });
  private readonly extension = el('strong', { attrs: { id: 'pairing-extension' } });
  private readonly origin = el('code', { attrs: { id: 'pairing-origin' } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'pairing-error', role: 'alert', hidden: true } });
  private readonly refuse = el('button', { className: 'button', attrs: { id: 'pairing-refuse', type: 'button' } }, 'Refuse');
  private readonly allow = el('button', { className: 'button primary', attrs: { id: 'pairing-allow', type: 'button' } }, 'Allow');
  private readonly waiting: BrowserPairingRequest[] = [];
  private shown: BrowserPairingRequest | null = null;

  constructor(
    /** Hears each answer given (the Clip from the browser dialog then shows the new pairing). */
    private readonly answered: () => void = () => undefined,
  ) {
    super(createDialogElement('pairing-dialog', 'pairing-dialog', 'pairing-heading'));
    this.dialog.setAttribute('aria-describedby', 'pairing-text');
    this.dialog.append(
      el(
        'form',
        { className: 'dialog-form', attrs: { id: 'pairing-form', novalidate: true } },
        el('h2', { attrs: { id: 'pairing-heading' } }, 'Allow a browser to clip into Cuttings?'),
        el('p', { attrs: { id: 'pairing-text' } }, this.browser, ' asks to send pages to Cuttings with the extension ', this.extension, '.'),
        el('p', { className: 'field-note' }, 'Extension: ', this.origin),
        el('p', { className: 'field-note' }, 'Allow it only if you just chose “Connect to Cuttings” in that browser. It will be able to add cuttings to this library until you revoke it under Settings ▸ Clip from the browser.'),
        this.error,
        el('div', { className: 'dialog-buttons' }, this.refuse, this.allow),
      ),
    );
    this.refuse.addEventListener('click', () => void this.answer(false));
    this.allow.addEventListener('click', () => void this.answer(true));
    // Escape refuses, as closing the dialog any other way would leave the extension waiting.
    this.dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      if (!this.busy) void this.answer(false);
    });
  }

  /** Shows a request, or keeps it for after the one shown (a second ask of the same extension replaces its first). */
  show(request: BrowserPairingRequest): void {
    const others = this.waiting.filter((waiting) => waiting.origin !== request.origin);
    this.waiting.splice(0, this.waiting.length, ...others, request);
    if (this.shown?.origin === request.origin) this.shown = null;
    if (!this.shown) this.next();
  }

  private next(): void {
    const request = this.waiting.shift();
    this.shown = request ?? null;
    if (!request) {
      this.close();
      return;
    }
    this.browser.textContent = request.browser;
    this.extension.textContent = `${request.name} ${request.version}`;
    this.origin.textContent = request.origin;
    this.showError('');
    this.showModal();
    this.refuse.focus();
  }

  private async answer(accept: boolean): Promise<void> {
    const request = this.shown;
    if (!request || this.busy) return;
    this.busy = true;
    this.allow.disabled = this.refuse.disabled = true;
    try {
      await call('answerBrowserPairing', { requestId: request.requestId, accept });
      this.answered();
      this.next();
    } catch (error) {
      // Lapsed or answered elsewhere: say so, and let the user close it.
      this.showError(messageOf(error));
      this.shown = null;
      this.refuse.textContent = 'Close';
      this.refuse.addEventListener('click', () => this.next(), { once: true });
    } finally {
      this.busy = false;
      this.allow.disabled = this.shown === null;
      this.refuse.disabled = false;
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
    if (message === '') this.refuse.textContent = 'Refuse';
  }
}
