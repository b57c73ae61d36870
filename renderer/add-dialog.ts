/**
 * The "Add article" dialog: paste text, or choose a saved page or text file, or give only a
 * web address to fetch the page, with optional title, source, publication date and tags.
 * A fetched page is checked against the library first: if it is already there (the same
 * address, the same or nearly the same text), the dialog names the article it duplicates
 * and offers the three choices: skip it, keep both, or save it as a new version of the
 * first. Files are read in the renderer
 * (File.text()) and sent as text: .html/.htm as HTML, anything else as plain text, with the
 * file's name kept for provenance. Main decides what is acceptable; its message is shown in
 * the dialog word for word, and the dialog stays open so the user can fix the input.
 */
import type { AddOptions, AddOutcome, DuplicateAction, DuplicateMatch } from '../common/api';
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
  private readonly duplicate = required('add-duplicate', HTMLElement);
  private readonly duplicateMessage = required('add-duplicate-message', HTMLElement);
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
    for (const action of ['skip', 'keep', 'version'] as const) {
      required(`add-duplicate-${action}`, HTMLButtonElement).addEventListener('click', () => void this.resolveDuplicate(action));
    }
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
      if (!chosen && this.text.value.trim() === '' && options.url) {
        // Only an address: fetch the page (main checks it for a duplicate first).
        const { url, ...rest } = options;
        this.pendingUrl = { ...rest, url };
        await this.fetchUrl('ask');
        return;
      }
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

  /** The address being fetched and its details, kept while the user chooses about a duplicate. */
  private pendingUrl: (Omit<AddOptions, 'url' | 'fileName'> & { url: string }) | null = null;

  /** Fetches the pending address; on a duplicate, shows it and waits for the user's choice. */
  private async fetchUrl(onDuplicate: DuplicateAction | 'ask'): Promise<void> {
    const request = this.pendingUrl;
    if (!request) return;
    this.setBusy(true, 'Fetching…');
    this.showError('');
    this.showDuplicate(null);
    try {
      const outcome: AddOutcome = await call('addUrl', { ...request, onDuplicate });
      this.setBusy(false);
      if (outcome.status === 'duplicate') {
        this.showDuplicate(outcome.duplicate);
        return;
      }
      this.pendingUrl = null;
      this.dialog.close();
      this.onAdded(outcome.article);
    } catch (error) {
      this.showError(messageOf(error));
      this.setBusy(false);
    }
  }

  /** The user's choice about a duplicate: skip closes the dialog, the others store it. */
  private async resolveDuplicate(action: DuplicateAction): Promise<void> {
    if (this.busy) return;
    if (action === 'skip') {
      this.pendingUrl = null;
      this.dialog.close();
      return;
    }
    await this.fetchUrl(action);
  }

  private showDuplicate(duplicate: DuplicateMatch | null): void {
    this.duplicate.hidden = duplicate === null;
    this.submit.hidden = duplicate !== null;
    this.duplicateMessage.textContent = duplicate
      ? `This is already in the library: “${duplicate.title}”, clipped ${duplicate.clipped.slice(0, 10)} — ${duplicate.detail}.`
      : '';
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

  private setBusy(busy: boolean, label = 'Adding…'): void {
    this.busy = busy;
    this.submit.disabled = busy;
    this.submit.textContent = busy ? label : 'Add';
    this.form.setAttribute('aria-busy', String(busy));
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }

  private reset(): void {
    this.pendingUrl = null;
    this.showDuplicate(null);
    this.form.reset();
    this.showChosenFile();
    this.showError('');
    this.setBusy(false);
  }
}
