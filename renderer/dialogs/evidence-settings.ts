/**
 * Settings ▸ Evidence: the user's signing key (its fingerprint, and whether the OS keychain
 * protects it), the keys that signed in this library, the timestamping authority (none by
 * default, a public one, or another address), the captures waiting for a timestamp with a
 * way to send them now, and the roots trusted for timestamps (a PEM file the user picks).
 * Each change goes to main at once; main's message for a refusal is shown word for word.
 */
import type { EvidenceStatus } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { plural } from '../helpers/format';
import { formatFingerprint, shortFingerprint } from '../helpers/fingerprint';

/** The value of the TSA choice for "another address". */
const OTHER = 'other';

/** The Evidence part of the Settings dialog, built into `root`. */
export class EvidenceSettings {
  private readonly key = el('p', { className: 'field-note evidence-key' });
  private readonly keys = el('ul', { className: 'evidence-keys' });
  private readonly tsa = el('select', { attrs: { id: 'settings-tsa', 'aria-label': 'Timestamping authority' } });
  private readonly otherUrl = el('input', { attrs: { id: 'settings-tsa-url', type: 'url', placeholder: 'https://tsa.example.org/tsr', spellcheck: 'false', hidden: true, 'aria-label': 'Address of the timestamping authority' } });
  private readonly useOther = el('button', { className: 'button', attrs: { id: 'settings-tsa-use', type: 'button', hidden: true } }, 'Use');
  private readonly waiting = el('p', { className: 'field-note', attrs: { id: 'settings-timestamps-waiting', role: 'status' } });
  private readonly sendNow = el('button', { className: 'button', attrs: { id: 'settings-timestamps-send', type: 'button' } }, 'Send now');
  private readonly roots = el('ul', { className: 'evidence-roots' });
  private readonly rootFile = el('input', { attrs: { id: 'settings-tsa-root', type: 'file', accept: '.pem,.crt,.cer', 'aria-label': 'Trust a root certificate (PEM)' } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'settings-evidence-error', role: 'alert', hidden: true } });
  private status: EvidenceStatus | null = null;

  /** `changed` hears every change of the TSA or of what waits (the status bar's count follows). */
  constructor(
    root: HTMLElement,
    private readonly changed: () => void = () => undefined,
  ) {
    replaceChildren(
      root,
      el('legend', {}, 'Evidence'),
      el('p', { className: 'field-note' }, 'Every capture is signed with your key as it is stored, and recorded in the library’s custody log.'),
      this.key,
      el('details', { className: 'evidence-keys-details' }, el('summary', {}, 'Keys that signed in this library'), this.keys),
      el('label', { className: 'field-label', attrs: { for: 'settings-tsa' } }, 'Trusted timestamps (RFC 3161)'),
      el('div', { className: 'settings-row' }, this.tsa, this.otherUrl, this.useOther),
      el('div', { className: 'settings-row' }, this.waiting, this.sendNow),
      el('p', { className: 'field-note' }, 'Roots trusted for timestamps here, besides the system’s:'),
      this.roots,
      el('label', { className: 'field-label', attrs: { for: 'settings-tsa-root' } }, 'Trust a TSA’s root certificate (PEM)'),
      this.rootFile,
      this.error,
    );
    this.tsa.addEventListener('change', () => {
      const other = this.tsa.value === OTHER;
      this.otherUrl.hidden = !other;
      this.useOther.hidden = !other;
      if (other) this.otherUrl.focus();
      else void this.run(() => call('chooseTsa', this.tsa.value === '' ? null : this.tsa.value));
    });
    this.useOther.addEventListener('click', () => void this.run(() => call('chooseTsa', this.otherUrl.value.trim())));
    this.sendNow.addEventListener('click', () => void this.send());
    this.rootFile.addEventListener('change', () => void this.trustRoot());
  }

  /** Reads the evidence status from main and shows it. */
  async load(): Promise<void> {
    this.showError('');
    try {
      this.show(await call('evidenceStatus'));
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  private show(status: EvidenceStatus): void {
    if (this.status && (this.status.tsa !== status.tsa || this.status.waiting !== status.waiting)) this.changed();
    this.status = status;
    replaceChildren(
      this.key,
      status.signingKey
        ? el(
            'span',
            {},
            'Your signing key: ',
            el('code', { attrs: { id: 'settings-signing-key' } }, formatFingerprint(status.signingKey.fingerprint)),
            status.signingKey.protection === 'none' ? ' (kept in a file only you can read)' : ' (kept encrypted by the system’s keychain)',
          )
        : el('span', { className: 'form-error' }, status.keyError ?? 'No signing key.'),
    );
    replaceChildren(
      this.keys,
      ...(status.keys.length === 0 ? [el('li', {}, 'None yet.')] : status.keys.map((key) => el('li', {}, el('code', {}, shortFingerprint(key.fingerprint)), ` ${key.label}${key.own ? ' (yours)' : ''}`))),
    );
    const known = status.publicTsas.some((tsa) => tsa.url === status.tsa);
    replaceChildren(
      this.tsa,
      el('option', { attrs: { value: '' } }, 'None: captures are not timestamped'),
      ...status.publicTsas.map((tsa) => el('option', { attrs: { value: tsa.url } }, `${tsa.name} (${tsa.url})`)),
      el('option', { attrs: { value: OTHER } }, status.tsa && !known ? `Another: ${status.tsa}` : 'Another address…'),
    );
    this.tsa.value = status.tsa === null ? '' : known ? status.tsa : OTHER;
    this.otherUrl.value = status.tsa && !known ? status.tsa : '';
    this.otherUrl.hidden = true;
    this.useOther.hidden = true;
    const waiting = status.tsa ? `${plural(status.waiting, 'capture')} waiting for a timestamp.` : 'Choose a timestamping authority to have captures timestamped.';
    this.waiting.textContent = status.lastError ? `${waiting} ${status.lastError}` : waiting;
    this.sendNow.hidden = !status.tsa || status.waiting === 0;
    replaceChildren(this.roots, ...(status.trustedRoots.length === 0 ? [el('li', {}, 'None.')] : status.trustedRoots.map((subject) => el('li', {}, subject))));
  }

  private async send(): Promise<void> {
    this.sendNow.disabled = true;
    this.sendNow.textContent = 'Sending…';
    try {
      const result = await call('timestampNow');
      await this.load();
      if (result.error) this.showError(result.error);
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.sendNow.disabled = false;
      this.sendNow.textContent = 'Send now';
    }
  }

  private async trustRoot(): Promise<void> {
    const file = this.rootFile.files?.[0];
    if (!file) return;
    await this.run(async () => call('trustTsaRoot', { pem: await file.text(), name: file.name }));
    this.rootFile.value = '';
  }

  /** Runs a change and shows the status main answers with, or its message. */
  private async run(change: () => Promise<EvidenceStatus>): Promise<void> {
    this.showError('');
    try {
      this.show(await change());
    } catch (error) {
      this.showError(messageOf(error));
      if (this.status) this.show(this.status);
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
