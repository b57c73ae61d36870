/**
 * The "Save search" dialog: asks for a name for the current query and saves it with
 * saveSearch. An in-app <dialog>, because Electron does not implement window.prompt. Main
 * decides what a good name and query are; its message is shown in the dialog word for word,
 * and the dialog stays open so the user can fix the name.
 */
import type { SavedSearch } from '../../common/api';
import { call, messageOf } from '../helpers/api-client';
import { required } from '../helpers/dom';
import { Dialog } from './dialog';

/** The dialog, wired to the markup in index.html. */
export class SaveSearchDialog extends Dialog {
  private readonly form = required('save-search-form', HTMLFormElement);
  private readonly name = required('save-search-name', HTMLInputElement);
  private readonly queryText = required('save-search-query', HTMLElement);
  private readonly replaces = required('save-search-replaces', HTMLElement);
  private readonly error = required('save-search-error', HTMLElement);
  private readonly submit = required('save-search-submit', HTMLButtonElement);
  private query = '';
  private existing: SavedSearch[] = [];

  /** `onSaved` receives every saved search after the save. */
  constructor(private readonly onSaved: (searches: SavedSearch[], saved: SavedSearch) => void) {
    super(required('save-search-dialog', HTMLDialogElement));
    this.form.addEventListener('submit', (event) => {
      // Never a real form submission (the page's policy has form-action 'none').
      event.preventDefault();
      void this.save();
    });
    required('save-search-cancel', HTMLButtonElement).addEventListener('click', () => this.close());
    this.name.addEventListener('input', () => {
      this.showError('');
      this.showReplaces();
    });
  }

  /**
   * Opens the dialog for a query. `existing` are the saved searches now, to say when a name
   * would replace one; a query already saved offers that name.
   */
  open(query: string, existing: SavedSearch[]): void {
    if (this.isOpen) return;
    this.query = query;
    this.existing = existing;
    this.queryText.textContent = query;
    this.name.value = existing.find((search) => search.query === query)?.name ?? '';
    this.showError('');
    this.showReplaces();
    this.setBusy(false);
    this.showModal();
    this.name.focus();
    this.name.select();
  }

  private async save(): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    this.showError('');
    const name = this.name.value;
    try {
      const searches = await call('saveSearch', { name, query: this.query });
      this.setBusy(false);
      this.close();
      const saved = searches.find((search) => sameName(search.name, name)) ?? { name: name.trim(), query: this.query };
      this.onSaved(searches, saved);
    } catch (error) {
      this.showError(messageOf(error));
      this.setBusy(false);
      this.name.focus();
    }
  }

  /** Says so when the name is that of another saved search, which saving replaces. */
  private showReplaces(): void {
    const same = this.existing.find((search) => sameName(search.name, this.name.value) && search.query !== this.query);
    this.replaces.textContent = same ? `This replaces the saved search “${same.name}” (${same.query}).` : '';
    this.replaces.hidden = !same;
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.submit.disabled = busy;
    this.submit.textContent = busy ? 'Saving…' : 'Save';
    this.form.setAttribute('aria-busy', String(busy));
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
    if (message === '') this.name.removeAttribute('aria-invalid');
    else this.name.setAttribute('aria-invalid', 'true');
  }
}

/** Whether two names are the same saved search's (main compares them so, spaces folded). */
function sameName(a: string, b: string): boolean {
  const key = (name: string) => name.replace(/\s+/gu, ' ').trim().toLowerCase();
  return key(a) === key(b);
}
