/**
 * The Export dialog, opened from the toolbar's Export… button and File ▸ Export…: a format
 * (the ten main/core/export writes), which articles (the current search, the chosen tag or
 * the selected article), the CSV options, and where to write (typed, or chosen with the OS's
 * save dialog in the desktop app). While main exports, a progress bar follows its
 * `export-progress` events and Cancel asks main to stop (cancelExport), which leaves nothing
 * at the path. The end shows what was written, or main's message word for word.
 *
 * The dialog builds its own markup (with el(), never HTML strings), so index.html only holds
 * the button that opens it.
 */
import type { ExportFormatName, ExportScope } from '../../common/api';
import { EXPORT_FORMAT_INFO } from '../../common/export-formats';
import { call, messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';
import { plural } from '../helpers/format';
import { createDialogElement, Dialog } from './dialog';

/** What the window is showing, from which the dialog offers its choices of articles. */
export interface ExportContext {
  /** The search the list shows (the search box's text with the sidebar's tag); '' when the box is empty, for every article. */
  query: string;
  /** The tag chosen in the sidebar, if any. */
  tag: string | null;
  /** The article selected in the list, if any. */
  selected: { id: string; title: string } | null;
}

type ScopeChoice = 'query' | 'tag' | 'selected';

/** The dialog; `context` is read each time it opens. */
export class ExportDialog extends Dialog {
  private readonly format = el('select', { attrs: { id: 'export-format' } }, ...(Object.keys(EXPORT_FORMAT_INFO) as ExportFormatName[]).map((name) => el('option', { attrs: { value: name } }, EXPORT_FORMAT_INFO[name].label)));
  private readonly scopeRadios = new Map<ScopeChoice, HTMLInputElement>();
  private readonly scopeLabels = new Map<ScopeChoice, HTMLElement>();
  private readonly csvOptions: HTMLFieldSetElement;
  private readonly withText = el('input', { attrs: { id: 'export-text', type: 'checkbox' } });
  private readonly bom = el('input', { attrs: { id: 'export-bom', type: 'checkbox' } });
  private readonly bomLabel: HTMLElement;
  private readonly path = el('input', { attrs: { id: 'export-path', type: 'text', placeholder: 'Full path of the file to write', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'export-error' } });
  private readonly choose = el('button', { className: 'button', attrs: { id: 'export-choose', type: 'button' } }, 'Choose…');
  private readonly progressRow: HTMLElement;
  private readonly progress = el('progress', { attrs: { id: 'export-progress', max: 1, 'aria-label': 'Export progress' } });
  private readonly progressText = el('span', { className: 'field-note', attrs: { id: 'export-progress-text' } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'export-error', role: 'alert', hidden: true } });
  private readonly summary = el('p', { className: 'export-summary', attrs: { id: 'export-summary', role: 'status', hidden: true } });
  private readonly cancel = el('button', { className: 'button', attrs: { id: 'export-cancel', type: 'button' } }, 'Close');
  private readonly submit = el('button', { className: 'button primary', attrs: { id: 'export-submit', type: 'submit' } }, 'Export');
  private context: ExportContext = { query: '', tag: null, selected: null };
  private cancelling = false;

  constructor(private readonly getContext: () => ExportContext) {
    super(createDialogElement('export-dialog', 'export-dialog', 'export-heading'));
    const scopes = el('fieldset', { className: 'settings-group' }, el('legend', {}, 'Articles'));
    for (const choice of ['query', 'tag', 'selected'] as const) {
      const radio = el('input', { attrs: { type: 'radio', name: 'export-scope', value: choice, id: `export-scope-${choice}` } });
      const label = el('span', {});
      this.scopeRadios.set(choice, radio);
      this.scopeLabels.set(choice, label);
      scopes.append(el('label', { className: 'settings-choice' }, radio, ' ', label));
    }
    this.bomLabel = el('label', { className: 'settings-choice' }, this.bom, ' Start with a byte order mark (for Excel)');
    this.csvOptions = el(
      'fieldset',
      { className: 'settings-group', attrs: { id: 'export-csv-options' } },
      el('legend', {}, 'Spreadsheet columns'),
      el('label', { className: 'settings-choice' }, this.withText, ' Add each article’s text as a column'),
      this.bomLabel,
    );
    this.progressRow = el('div', { className: 'export-progress-row', attrs: { hidden: true } }, this.progress, this.progressText);
    const form = el(
      'form',
      { className: 'dialog-form', attrs: { id: 'export-form', novalidate: true } },
      el('h2', { attrs: { id: 'export-heading' } }, 'Export'),
      el('label', { className: 'field-label', attrs: { for: 'export-format' } }, 'Format'),
      this.format,
      scopes,
      this.csvOptions,
      el('label', { className: 'field-label', attrs: { for: 'export-path' } }, 'Save to'),
      el('div', { className: 'settings-row' }, this.path, this.choose),
      this.progressRow,
      this.error,
      this.summary,
      el('div', { className: 'dialog-buttons' }, this.cancel, this.submit),
    );
    this.dialog.append(form);

    this.format.addEventListener('change', () => this.showFormatOptions());
    this.choose.addEventListener('click', () => void this.choosePath());
    this.path.addEventListener('input', () => this.showError(''));
    this.cancel.addEventListener('click', () => void this.cancelOrClose());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.start();
    });
  }

  /** Esc during an export would hide the dialog with the export still running: cancel it instead. */
  protected override cancelWhileBusy(): void {
    void this.cancelOrClose();
  }

  /** Shows the dialog with the choices the window offers now. */
  open(): void {
    if (this.isOpen) return;
    this.context = this.getContext();
    const { query, tag, selected } = this.context;
    this.describeScope('query', query === '' ? 'All articles' : `The current search: ${query}`, true);
    this.describeScope('tag', tag === null ? 'A tag (choose one in the sidebar)' : `Tagged ${tag}`, tag !== null);
    this.describeScope('selected', selected === null ? 'The selected article (none is selected)' : `The selected article: ${selected.title}`, selected !== null);
    // What the list shows: the search when there is one, else the tag chosen in the sidebar.
    this.scopeRadios.get(query === '' && tag !== null ? 'tag' : 'query')!.checked = true;
    this.showError('');
    this.summary.hidden = true;
    this.progressRow.hidden = true;
    this.showFormatOptions();
    this.showModal();
    this.format.focus();
  }

  /** Main's `export-progress` event: how many of the chosen articles are written. */
  showProgress(done: number, total: number): void {
    if (!this.busy) return;
    this.progress.max = Math.max(total, 1);
    this.progress.value = done;
    this.progressText.textContent = `${done} of ${plural(total, 'article')}`;
  }

  private describeScope(choice: ScopeChoice, text: string, enabled: boolean): void {
    this.scopeLabels.get(choice)!.textContent = text;
    this.scopeRadios.get(choice)!.disabled = !enabled;
  }

  private showFormatOptions(): void {
    const format = this.format.value as ExportFormatName;
    // The text column is offered by CSV and the Data Package (which holds a CSV); the BOM by CSV only.
    this.csvOptions.hidden = format !== 'csv' && format !== 'datapackage';
    this.bomLabel.hidden = format !== 'csv';
  }

  private scope(): ExportScope {
    const chosen = [...this.scopeRadios].find(([, radio]) => radio.checked)?.[0] ?? 'query';
    const { query, tag, selected } = this.context;
    if (chosen === 'tag' && tag !== null) return { tag };
    if (chosen === 'selected' && selected !== null) return { ids: [selected.id] };
    return { query };
  }

  private async choosePath(): Promise<void> {
    this.showError('');
    try {
      const chosen = await call('chooseExportPath', this.format.value as ExportFormatName);
      if (chosen !== null) this.path.value = chosen;
    } catch (error) {
      this.showError(messageOf(error));
    }
    this.path.focus();
  }

  private async start(): Promise<void> {
    if (this.busy) return;
    const path = this.path.value.trim();
    if (path === '') {
      this.showError('Type the full path of the file to write, or choose one.');
      this.path.focus();
      return;
    }
    const format = this.format.value as ExportFormatName;
    this.showError('');
    this.summary.hidden = true;
    this.setBusy(true);
    try {
      const result = await call('exportArticles', {
        format,
        scope: this.scope(),
        path,
        options: { text: this.withText.checked, bom: format === 'csv' && this.bom.checked },
      });
      this.summary.textContent = `Exported ${plural(result.count, 'article')} as ${EXPORT_FORMAT_INFO[format].label} to ${result.path} (${formatBytes(result.bytes)}).`;
      this.summary.hidden = false;
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.setBusy(false);
    }
  }

  private async cancelOrClose(): Promise<void> {
    if (!this.busy) {
      this.close();
      return;
    }
    if (this.cancelling) return;
    this.cancelling = true;
    this.cancel.textContent = 'Cancelling…';
    this.cancel.disabled = true;
    try {
      await call('cancelExport');
    } catch (error) {
      this.showError(messageOf(error));
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.cancelling = false;
    for (const control of [this.format, this.path, this.choose, this.submit, this.withText, this.bom, ...this.scopeRadios.values()]) {
      control.disabled = busy || (control instanceof HTMLInputElement && control.type === 'radio' && this.isUnavailable(control));
    }
    this.cancel.disabled = false;
    this.cancel.textContent = busy ? 'Cancel' : 'Close';
    if (busy) {
      // Indeterminate until main's first progress event says how many there are.
      this.progress.removeAttribute('value');
      this.progressText.textContent = 'Exporting…';
      this.progressRow.hidden = false;
    } else {
      this.progressRow.hidden = true;
    }
  }

  private isUnavailable(radio: HTMLInputElement): boolean {
    return (radio.value === 'tag' && this.context.tag === null) || (radio.value === 'selected' && this.context.selected === null);
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
    if (message === '') this.path.removeAttribute('aria-invalid');
    else this.path.setAttribute('aria-invalid', 'true');
  }
}

/** A size for people: `812 bytes`, `4.2 KB`, `1.3 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return plural(bytes, 'byte');
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
