/**
 * The reader's "Evidence report…": where to write the cutting's report (a PDF) and, if
 * wanted, the bundle of files a third party checks it with (a new or empty folder); then the
 * verdict main gives — verified, signed without a proven time, or not verified — with each
 * reason. In the app the paths can be chosen with the OS's dialogs; they can always be typed.
 */
import type { EvidenceReportSummary } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { createDialogElement, Dialog } from './dialog';

const VERDICTS: Record<EvidenceReportSummary['level'], string> = {
  verified: 'Verified: signed at capture, every file matches its hash, timestamped by a trusted authority, custody log whole.',
  signed: 'Signed and intact, but its time is not proven:',
  failed: 'Not verified:',
};

/** The dialog; one per window, built in code. */
export class EvidenceReportDialog extends Dialog {
  private readonly heading = el('h2', { attrs: { id: 'evidence-heading' } }, 'Evidence report');
  private readonly subject = el('p', { className: 'field-note' });
  private readonly report = el('input', { attrs: { id: 'evidence-report-path', type: 'text', placeholder: 'Full path of the PDF', spellcheck: 'false', autocomplete: 'off' } });
  private readonly bundle = el('input', { attrs: { id: 'evidence-bundle-path', type: 'text', placeholder: 'Full path of a new or empty folder (optional)', spellcheck: 'false', autocomplete: 'off' } });
  private readonly result = el('div', { className: 'evidence-result', attrs: { id: 'evidence-result', role: 'status', hidden: true } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'evidence-error', role: 'alert', hidden: true } });
  private readonly write = el('button', { className: 'button primary', attrs: { id: 'evidence-write', type: 'submit' } }, 'Write the report');
  private id = '';

  constructor() {
    super(createDialogElement('evidence-dialog', 'evidence-dialog', 'evidence-heading'));
    const choose = (kind: 'report' | 'bundle') => el('button', { className: 'button', attrs: { id: `evidence-choose-${kind}`, type: 'button' } }, 'Choose…');
    const chooseReport = choose('report');
    const chooseBundle = choose('bundle');
    chooseReport.addEventListener('click', () => void this.choose('report', this.report));
    chooseBundle.addEventListener('click', () => void this.choose('bundle', this.bundle));
    const close = el('button', { className: 'button', attrs: { id: 'evidence-close', type: 'button' } }, 'Close');
    close.addEventListener('click', () => this.close());
    const form = el(
      'form',
      { className: 'dialog-form', attrs: { novalidate: true } },
      this.heading,
      this.subject,
      el('label', { className: 'field-label', attrs: { for: 'evidence-report-path' } }, 'Report (PDF)'),
      el('div', { className: 'settings-row' }, this.report, chooseReport),
      el('label', { className: 'field-label', attrs: { for: 'evidence-bundle-path' } }, 'Bundle: the files and the commands to check it with sha256sum and openssl'),
      el('div', { className: 'settings-row' }, this.bundle, chooseBundle),
      this.result,
      this.error,
      el('div', { className: 'dialog-buttons' }, close, this.write),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.dialog.append(form);
  }

  /** Opens the dialog for a cutting. */
  open(article: { id: string; title: string }): void {
    if (this.isOpen) return;
    this.id = article.id;
    this.subject.textContent = `“${article.title}”: its provenance, every hash, the signature, the timestamp and the custody log, and the commands that verify them.`;
    this.result.hidden = true;
    this.showError('');
    this.showModal();
    this.report.focus();
  }

  private async choose(kind: 'report' | 'bundle', input: HTMLInputElement): Promise<void> {
    this.showError('');
    try {
      const chosen = await call('chooseEvidencePath', kind);
      if (chosen !== null) input.value = chosen;
    } catch (error) {
      this.showError(messageOf(error));
    }
    input.focus();
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    const path = this.report.value.trim();
    if (path === '') {
      this.showError('Type the full path of the PDF to write, or choose one.');
      this.report.focus();
      return;
    }
    this.busy = true;
    this.write.disabled = true;
    this.write.textContent = 'Writing…';
    this.showError('');
    try {
      const bundle = this.bundle.value.trim();
      const summary = await call('writeEvidenceReport', { id: this.id, path, ...(bundle === '' ? {} : { bundle }) });
      replaceChildren(
        this.result,
        el('p', { className: `evidence-verdict ${summary.level}`, attrs: { 'data-level': summary.level } }, VERDICTS[summary.level]),
        ...(summary.reasons.length > 0 ? [el('ul', {}, ...summary.reasons.map((reason) => el('li', {}, reason)))] : []),
        el('p', { className: 'field-note' }, `Written to ${summary.path}${summary.bundle ? `, with the bundle in ${summary.bundle}` : ''}.`),
      );
      this.result.hidden = false;
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.busy = false;
      this.write.disabled = false;
      this.write.textContent = 'Write the report';
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
