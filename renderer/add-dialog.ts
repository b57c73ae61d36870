/**
 * The "Add article" dialog: paste text, or choose a saved page or text file, with optional
 * title, web address, source, publication date and tags. Files are read in the renderer
 * (File.text()) and sent as text: .html/.htm as HTML, anything else as plain text, with the
 * file's name kept for provenance. Main decides what is acceptable; its message is shown in
 * the dialog word for word, and the dialog stays open so the user can fix the input.
 */
import type { AddOptions } from '../common/api';
import type { ArticleSummary } from '../common/article';
import { call, messageOf } from './api-client';
import { required } from './dom';

/** Files the dialog offers; others may still be chosen and are read as text. */
export const ACCEPTED_FILES = '.html,.htm,.txt,.md';

/** Whether a file name says HTML. */
export function isHtmlFile(name: string): boolean {
  return /\.html?$/iu.test(name);
}

/** Splits the tags field at commas; empty pieces (a stray comma) are not tags. */
export function splitTags(value: string): string[] {
  return value.split(',').filter((tag) => tag.trim() !== '');
}

/** The dialog, wired to the markup in index.html. */
export class AddDialog {
  private readonly dialog = required('add-dialog', HTMLDialogElement);
  private readonly form = required('add-form', HTMLFormElement);
  private readonly text = required('add-text', HTMLTextAreaElement);
  private readonly file = required('add-file', HTMLInputElement);
  private readonly fileName = required('add-file-name', HTMLElement);
  private readonly clearFile = required('add-file-clear', HTMLButtonElement);
  private readonly title = required('add-title', HTMLInputElement);
  private readonly url = required('add-url', HTMLInputElement);
  private readonly source = required('add-source', HTMLInputElement);
  private readonly published = required('add-published', HTMLInputElement);
  private readonly tags = required('add-tags', HTMLInputElement);
  private readonly error = required('add-error', HTMLElement);
  private readonly submit = required('add-submit', HTMLButtonElement);
  private busy = false;

  constructor(private readonly onAdded: (summary: ArticleSummary) => void) {
    this.file.accept = ACCEPTED_FILES;
    this.form.addEventListener('submit', (event) => {
      // Never a real form submission (the page's policy has form-action 'none').
      event.preventDefault();
      void this.add();
    });
    required('add-cancel', HTMLButtonElement).addEventListener('click', () => this.dialog.close());
    required('add-file-choose', HTMLButtonElement).addEventListener('click', () => this.file.click());
    this.file.addEventListener('change', () => this.showChosenFile());
    this.clearFile.addEventListener('click', () => {
      this.file.value = '';
      this.showChosenFile();
    });
    this.dialog.addEventListener('close', () => this.reset());
    this.dialog.addEventListener('cancel', (event) => {
      if (this.busy) event.preventDefault();
    });
  }

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.dialog.open;
  }

  /** Opens the dialog, empty, with the cursor in the text box. */
  open(): void {
    if (this.dialog.open) return;
    this.reset();
    this.dialog.showModal();
    this.text.focus();
  }

  /** Opens the dialog with a web address filled in (an address the app was launched with). */
  openWithUrl(url: string): void {
    this.open();
    this.url.value = url;
  }

  private async add(): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    this.showError('');
    try {
      const options: AddOptions = {};
      const set = (key: 'title' | 'url' | 'source' | 'published', input: HTMLInputElement) => {
        if (input.value.trim() !== '') options[key] = input.value;
      };
      set('title', this.title);
      set('url', this.url);
      set('source', this.source);
      set('published', this.published);
      const tags = splitTags(this.tags.value);
      if (tags.length > 0) options.tags = tags;

      const chosen = this.file.files?.[0];
      let summary: ArticleSummary;
      if (chosen) {
        const content = await chosen.text();
        summary = isHtmlFile(chosen.name)
          ? await call('addHtml', { ...options, html: content, fileName: chosen.name })
          : await call('addText', { ...options, text: content, fileName: chosen.name });
      } else {
        summary = await call('addText', { ...options, text: this.text.value });
      }
      this.setBusy(false);
      this.dialog.close();
      this.onAdded(summary);
    } catch (error) {
      this.showError(messageOf(error));
      this.setBusy(false);
    }
  }

  private showChosenFile(): void {
    const chosen = this.file.files?.[0];
    this.fileName.textContent = chosen ? chosen.name : 'No file chosen';
    this.clearFile.hidden = !chosen;
    this.text.disabled = Boolean(chosen);
    this.text.placeholder = chosen
      ? `The file ${chosen.name} will be added.`
      : 'Paste the article here. The first line becomes the title.';
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.submit.disabled = busy;
    this.submit.textContent = busy ? 'Adding…' : 'Add';
    this.form.setAttribute('aria-busy', String(busy));
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }

  private reset(): void {
    this.form.reset();
    this.showChosenFile();
    this.showError('');
    this.setBusy(false);
  }
}
