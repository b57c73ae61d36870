/**
 * Edit details: an article's title, publication date, author(s) and source, changed after
 * capture. The fields come filled in with what the article has. For a scan whose headline or
 * date was guessed from the recognised text, the guess is said beside its field ("to check
 * against the scan"), or offered when the field holds something else; saving the details as
 * they are confirms them, and the button says Confirm.
 *
 * Each value is checked here as main checks it (common/article-details.ts), and what is wrong
 * is said under its field before anything is sent; main's own refusal is shown word for word
 * and the dialog stays open with what was typed.
 */
import type { Article } from '../../common/article';
import { checkDetails, guessesToCheck, type ArticleDetails } from '../../common/article-details';
import { call, messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';
import { createDialogElement, Dialog } from './dialog';

type Field = keyof ArticleDetails;
const FIELDS: readonly Field[] = ['title', 'published', 'author', 'source'];

/** A field of the form: its input, the note under it (a guess) and its error. */
interface FieldParts {
  input: HTMLInputElement;
  note: HTMLElement;
  error: HTMLElement;
}

/** What a scan's text gave for its headline and date, when the article is a scan. */
export type Guesses = { title: string | null; published: string | null };

/** The dialog; one per window, built in code. */
export class DetailsDialog extends Dialog {
  private readonly form = el('form', { className: 'dialog-form', attrs: { novalidate: true } });
  private readonly parts: Record<Field, FieldParts>;
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'details-error', role: 'alert', hidden: true } });
  private readonly save = el('button', { className: 'button primary', attrs: { id: 'details-save', type: 'submit' } }, 'Save');
  private article: Article | null = null;
  /** A scan's guesses still carried unchecked (Confirm), and those that may be offered (until the details were saved once). */
  private toCheck: Guesses = { title: null, published: null };
  private guessed: Guesses | null = null;

  /** `saved` hears the article as main stored it. */
  constructor(private readonly saved: (article: Article) => void) {
    super(createDialogElement('details-dialog', 'details-dialog', 'details-heading'));
    const labels: Record<Field, [string, string]> = {
      title: ['Title', ''],
      published: ['Published', 'YYYY-MM-DD, or a full time such as 2024-03-05T09:30:00Z'],
      author: ['Author', 'Jane Doe, John Roe'],
      source: ['Source', 'The publication or site'],
    };
    const make = (field: Field): FieldParts => {
      const id = `details-${field}`;
      const input = el('input', { attrs: { id, type: 'text', autocomplete: 'off', placeholder: labels[field][1] || null, 'aria-describedby': `${id}-note ${id}-error` } });
      const note = el('p', { className: 'field-note', attrs: { id: `${id}-note`, hidden: true } });
      const error = el('p', { className: 'form-error', attrs: { id: `${id}-error`, hidden: true } });
      input.addEventListener('input', () => {
        this.showFieldError(field, '');
        this.showGuesses();
      });
      return { input, note, error };
    };
    this.parts = { title: make('title'), published: make('published'), author: make('author'), source: make('source') };
    const cancel = el('button', { className: 'button', attrs: { id: 'details-cancel', type: 'button' } }, 'Cancel');
    cancel.addEventListener('click', () => this.close());
    this.form.append(
      el('h2', { attrs: { id: 'details-heading' } }, 'Edit details'),
      el('p', { className: 'field-note' }, 'The capture stays as it was captured; the custody log records each change.'),
      ...FIELDS.flatMap((field) => [el('label', { className: 'field-label', attrs: { for: `details-${field}` } }, labels[field][0]), this.parts[field].input, this.parts[field].note, this.parts[field].error]),
      this.error,
      el('div', { className: 'dialog-buttons' }, cancel, this.save),
    );
    this.form.addEventListener('submit', (event) => {
      // Never a real form submission (the page's policy has form-action 'none').
      event.preventDefault();
      void this.run();
    });
    this.dialog.append(this.form);
  }

  /** Opens the dialog on an article; `guessed` are a scan's guesses, null for anything else. */
  open(article: Article, guessed: Guesses | null): void {
    if (this.isOpen) return;
    this.article = article;
    this.toCheck = guessed ? guessesToCheck(guessed, article) : { title: null, published: null };
    this.guessed = article.edited === undefined ? guessed : null;
    for (const field of FIELDS) {
      this.parts[field].input.value = article[field] ?? '';
      this.showFieldError(field, '');
    }
    this.showError('');
    this.setBusy(false);
    this.showGuesses();
    this.showModal();
    this.parts.title.input.focus();
  }

  /** Under the title and date: the guess to check, or to use instead; the button: Confirm or Save. */
  private showGuesses(): void {
    for (const field of ['title', 'published'] as const) {
      const { input, note } = this.parts[field];
      const guess = this.guessed?.[field] ?? null;
      const what = field === 'title' ? 'headline' : 'date';
      note.replaceChildren();
      note.hidden = guess === null;
      if (guess === null) continue;
      const value = input.value.trim();
      // A date guessed as a day is the article's when its time, if any, is on that day.
      const isGuess = field === 'title' ? value === guess : value.startsWith(guess);
      if (this.toCheck[field] !== null && isGuess) {
        note.append(`Guessed from the scan's text: check the ${what} against the scan.`);
      } else if (!isGuess) {
        const use = el('button', { className: 'button small', attrs: { type: 'button', id: `details-${field}-use-guess` } }, `Use the guessed ${what}`);
        use.addEventListener('click', () => {
          input.value = guess;
          this.showFieldError(field, '');
          this.showGuesses();
          input.focus();
        });
        note.append(`Guessed from the scan's text: “${guess}”. `, use);
      } else {
        note.hidden = true;
      }
    }
    const confirming = (this.toCheck.title !== null || this.toCheck.published !== null) && !this.changed();
    this.save.textContent = this.busy ? 'Saving…' : confirming ? 'Confirm' : 'Save';
  }

  /** Whether any field differs from what the article has. */
  private changed(): boolean {
    const article = this.article;
    return article !== null && FIELDS.some((field) => this.parts[field].input.value.trim() !== (article[field] ?? ''));
  }

  private async run(): Promise<void> {
    const article = this.article;
    if (this.busy || !article) return;
    const details: ArticleDetails = Object.fromEntries(FIELDS.map((field) => [field, this.parts[field].input.value]));
    const checked = checkDetails(details);
    for (const field of FIELDS) this.showFieldError(field, '');
    this.showError('');
    if (!checked.ok) {
      this.showFieldError(checked.problem.field, checked.problem.message);
      this.parts[checked.problem.field].input.focus();
      return;
    }
    this.setBusy(true);
    try {
      const after = await call('editDetails', { id: article.id, ...details });
      this.setBusy(false);
      this.close();
      this.saved(after);
    } catch (error) {
      this.setBusy(false);
      this.showError(messageOf(error));
    }
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.save.disabled = busy;
    this.form.setAttribute('aria-busy', String(busy));
    for (const field of FIELDS) this.parts[field].input.readOnly = busy;
    this.showGuesses();
  }

  private showFieldError(field: Field, message: string): void {
    const { input, error } = this.parts[field];
    error.textContent = message;
    error.hidden = message === '';
    if (message === '') input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
