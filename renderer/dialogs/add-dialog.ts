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
 * Images chosen are scans: the dialog asks how to recognise them (as one cutting or one each,
 * the languages — the last chosen remembered — the page and section) and hands them to the
 * background queue (scans/scan-queue.ts).
 */
import type { AddOptions, AddOutcome, DuplicateAction, DuplicateMatch } from '../../common/api';
import type { ArticleSummary } from '../../common/article';
import { call, messageOf } from '../helpers/api-client';
import { toBase64 } from '../helpers/base64';
import { el, replaceChildren, required } from '../helpers/dom';
import { splitTags } from '../helpers/split-tags';
import { Dialog } from './dialog';
import { isScanFile, SCAN_FILE_TYPES } from '../scans/scan-files';
import type { ScanJob } from '../scans/scan-queue';

/** Files the dialog offers (pages, text, PDFs and scans); others may still be chosen. */
export const ACCEPTED_FILES = `.html,.htm,.mhtml,.mht,.txt,.md,.pdf,${SCAN_FILE_TYPES}`;

/** Where the languages last chosen for scans are remembered (this window's own storage). */
const LANGUAGES_KEY = 'cuttings.scan-languages';

/** Whether a file name says HTML. */
export function isHtmlFile(name: string): boolean {
  return /\.html?$/iu.test(name);
}

/** The dialog, wired to the markup in index.html. */
export class AddDialog extends Dialog {
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
  private readonly scanOptions = required('add-scan-options', HTMLFieldSetElement);
  private readonly asOneRow = required('add-scan-as-one-row', HTMLElement);
  private readonly asOne = required('add-scan-as-one', HTMLInputElement);
  private readonly languages = required('add-scan-languages', HTMLElement);
  private readonly printPage = required('add-scan-page', HTMLInputElement);
  private readonly section = required('add-scan-section', HTMLInputElement);
  /** Whether the language choices have been asked of main (once). */
  private languagesLoaded = false;

  constructor(
    private readonly onAdded: (summary: ArticleSummary) => void,
    /** Scans go to the background queue (scans/scan-queue.ts); the line to show says so. */
    private readonly onScans: (jobs: ScanJob[]) => void = () => undefined,
  ) {
    super(required('add-dialog', HTMLDialogElement));
    this.file.accept = ACCEPTED_FILES;
    this.form.addEventListener('submit', (event) => {
      // Never a real form submission (the page's policy has form-action 'none').
      event.preventDefault();
      void this.add();
    });
    required('add-cancel', HTMLButtonElement).addEventListener('click', () => this.close());
    required('add-file-choose', HTMLButtonElement).addEventListener('click', () => this.file.click());
    this.file.addEventListener('change', () => this.showChosenFile());
    this.clearFile.addEventListener('click', () => {
      this.file.value = '';
      this.showChosenFile();
    });
    for (const action of ['skip', 'keep', 'version'] as const) {
      required(`add-duplicate-${action}`, HTMLButtonElement).addEventListener('click', () => this.answerDuplicate?.(action));
    }
    this.dialog.addEventListener('close', () => this.reset());
  }

  /** Opens the dialog, empty, with the cursor in the text box. */
  open(): void {
    if (this.isOpen) return;
    this.reset();
    this.showModal();
    this.text.focus();
  }

  /** Opens the dialog and at once the system's file chooser (call it from a click: the browser asks for one). */
  openWithFileChooser(): void {
    this.open();
    this.file.click();
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

      const chosen = [...(this.file.files ?? [])];
      const scans = chosen.filter((file) => isScanFile(file.name));
      if (scans.length > 0) {
        this.onScans(this.scanJobs(scans, options));
        const others = chosen.filter((file) => !isScanFile(file.name));
        if (others.length === 0) {
          this.finish([]);
          return;
        }
        await this.addFiles(others, options);
        return;
      }
      if (chosen.length > 0) {
        await this.addFiles(chosen, options);
        return;
      }
      if (this.text.value.trim() === '' && options.url) {
        // Only an address: fetch the page (main checks it for a duplicate first).
        const { url, ...rest } = options;
        const added = await this.withDuplicateChoice((onDuplicate) => call('addUrl', { ...rest, url, onDuplicate }), 'Fetching…');
        this.finish(added ? [added] : []);
        return;
      }
      // Pasted text is checked too: the same wire story pasted from two sites is one story.
      const text = this.text.value;
      const added = await this.withDuplicateChoice((onDuplicate) => call('addTextChecked', { ...options, text, onDuplicate }), 'Adding…');
      this.finish(added ? [added] : []);
    } catch (error) {
      this.showError(messageOf(error));
      this.setBusy(false);
    }
  }

  /** The cuttings the chosen images make: one for all of them ("as one"), or one each. */
  private scanJobs(scans: File[], options: AddOptions): ScanJob[] {
    const { url: _url, fileName: _fileName, author: _author, title, ...shared } = options;
    const languages = [...this.languages.querySelectorAll<HTMLInputElement>('input:checked')].map((input) => input.value).join('+');
    // Remembered for the next scans added in this window (each cutting keeps its own, too).
    if (languages) localStorage.setItem(LANGUAGES_KEY, languages);
    const details = {
      ...shared,
      ...(languages ? { languages } : {}),
      ...(this.printPage.value.trim() ? { printPage: this.printPage.value.trim() } : {}),
      ...(this.section.value.trim() ? { section: this.section.value.trim() } : {}),
    };
    const together = scans.length === 1 || this.asOne.checked;
    // A title names one cutting: only when the images make one.
    if (together) return [{ files: scans, details: { ...details, ...(title ? { title } : {}) } }];
    return scans.map((file) => ({ files: [file], details }));
  }

  /** The language choices, asked of main the first time a scan is chosen; the defaults ticked. */
  private async loadLanguages(): Promise<void> {
    if (this.languagesLoaded) return;
    this.languagesLoaded = true;
    try {
      const { languages, defaults: offered } = await call('ocrLanguages');
      const remembered = (localStorage.getItem(LANGUAGES_KEY) ?? '').split('+').filter((code) => languages.some((language) => language.code === code));
      const defaults = remembered.length > 0 ? remembered : offered;
      replaceChildren(
        this.languages,
        ...languages.map((language) =>
          el('label', { className: 'check-label' }, el('input', { attrs: { type: 'checkbox', value: language.code, checked: defaults.includes(language.code) } }), ` ${language.name}`),
        ),
      );
    } catch (error) {
      this.languagesLoaded = false;
      this.showError(messageOf(error));
    }
  }

  /**
   * Adds the chosen files one after another, showing how far it has got; each duplicate is
   * put to the user before going on. A file that fails is named and the others still go in.
   */
  private async addFiles(files: File[], options: AddOptions): Promise<void> {
    const { fileName: _fileName, ...metadata } = options;
    const added: ArticleSummary[] = [];
    const failures: string[] = [];
    for (const [index, file] of files.entries()) {
      const progress = files.length > 1 ? `Adding ${index + 1} of ${files.length}…` : 'Adding…';
      try {
        this.setBusy(true, progress);
        const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
        const summary = await this.withDuplicateChoice((onDuplicate) => call('addFile', { ...metadata, name: file.name, dataBase64, onDuplicate }), progress);
        if (summary) added.push(summary);
      } catch (error) {
        failures.push(messageOf(error));
      }
    }
    if (failures.length > 0) {
      this.showError(failures.join('\n'));
      this.setBusy(false);
      if (added.length > 0) this.onAdded(added[added.length - 1]!);
      return;
    }
    this.finish(added);
  }

  /**
   * Runs an add that checks for duplicates: asks main first, and on a duplicate shows it with
   * the three choices and waits. Resolves to the stored article, or null if the user skipped it.
   */
  private async withDuplicateChoice(add: (onDuplicate: DuplicateAction | 'ask') => Promise<AddOutcome>, busyLabel: string): Promise<ArticleSummary | null> {
    this.setBusy(true, busyLabel);
    let outcome = await add('ask');
    if (outcome.status === 'duplicate') {
      this.setBusy(false);
      const action = await this.askAboutDuplicate(outcome.duplicate);
      if (action === 'skip') return null;
      this.setBusy(true, busyLabel);
      outcome = await add(action);
    }
    return outcome.status === 'added' ? outcome.article : null;
  }

  /** Shows a duplicate and resolves to the button the user pressed. */
  private askAboutDuplicate(duplicate: DuplicateMatch): Promise<DuplicateAction> {
    this.showDuplicate(duplicate);
    return new Promise((resolve) => {
      this.answerDuplicate = (action) => {
        this.answerDuplicate = null;
        this.showDuplicate(null);
        resolve(action);
      };
    });
  }

  /** The pending duplicate question's answer, while one is shown. */
  private answerDuplicate: ((action: DuplicateAction) => void) | null = null;

  /** Closes the dialog after adding; the last article added is opened. */
  private finish(added: ArticleSummary[]): void {
    this.setBusy(false);
    this.close();
    const last = added[added.length - 1];
    if (last) this.onAdded(last);
  }

  private showDuplicate(duplicate: DuplicateMatch | null): void {
    this.duplicate.hidden = duplicate === null;
    this.submit.hidden = duplicate !== null;
    this.duplicateMessage.textContent = duplicate
      ? `This is already in the library: “${duplicate.title}”, clipped ${duplicate.clipped.slice(0, 10)} — ${duplicate.detail}.`
      : '';
  }

  private showChosenFile(): void {
    const chosen = [...(this.file.files ?? [])];
    const names = chosen.length === 1 ? chosen[0]!.name : `${chosen.length} files`;
    this.fileName.textContent = chosen.length > 0 ? names : 'No file chosen';
    const scans = chosen.filter((file) => isScanFile(file.name)).length;
    this.scanOptions.hidden = scans === 0;
    this.asOneRow.hidden = scans < 2;
    if (scans > 0) void this.loadLanguages();
    this.clearFile.hidden = chosen.length === 0;
    this.text.disabled = chosen.length > 0;
    this.text.placeholder =
      chosen.length > 0
        ? `${chosen.length === 1 ? `The file ${names}` : names} will be added.`
        : 'Paste the article here, or leave this empty and give its web address below to fetch it. The first line becomes the title, unless you give one below.';
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
    // Closing the dialog while a duplicate is shown skips it.
    this.answerDuplicate?.('skip');
    this.showDuplicate(null);
    this.form.reset();
    this.showChosenFile();
    this.showError('');
    this.setBusy(false);
  }
}
