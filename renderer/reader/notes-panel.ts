/**
 * The reader's notes and highlights for the open article:
 *
 *   - the Markdown note, shown formatted (markdown-view.ts, text only) with Edit, or as a
 *     text field with Save and Cancel (Ctrl/Cmd+Enter saves); an empty note deletes it;
 *   - "Highlight": takes the words selected in the reader (the Reader reads the frame's
 *     selection), asks for an optional comment, and stores them (addHighlight) with a little
 *     of the text before and after, so that they can be found again;
 *   - the list of the article's highlights, each with its comment, Edit comment and Delete;
 *     clicking a quote scrolls the reader to it.
 *
 * Main's messages (a highlight over text that is not in the article, say) are shown as is.
 */
import type { Article, Highlight } from '../../common/article';
import { call, messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { renderMarkdown } from './markdown-view';

/** The words selected in the reader, with up to 32 characters each side. */
export interface Selected {
  quote: string;
  prefix: string;
  suffix: string;
}

/** What the panel does through its owner (the Reader). */
export interface NotesActions {
  setNote(id: string, note: string): Promise<Article>;
  addHighlight(id: string, selected: Selected, comment: string): Promise<Highlight[]>;
  updateHighlight(id: string, highlightId: string, comment: string): Promise<Highlight[]>;
  removeHighlight(id: string, highlightId: string): Promise<Highlight[]>;
}

/** The notes and highlights as main keeps them. */
export const NOTES_IN_MAIN: NotesActions = {
  setNote: (id, note) => call('setNote', { id, note }),
  addHighlight: (id, selected, comment) => call('addHighlight', { id, ...selected, ...(comment ? { comment } : {}) }),
  updateHighlight: (id, highlightId, comment) => call('updateHighlight', { id, highlightId, comment }),
  removeHighlight: (id, highlightId) => call('removeHighlight', { id, highlightId }),
};

/** What the panel needs of the reader around it. */
export interface NotesHost {
  /** The words selected in the article, or null when none are. */
  selection(): Selected | null;
  /** The article's highlights changed: draw them again. */
  highlightsChanged(highlights: Highlight[]): void;
  /** Scrolls the reader to a highlight. */
  showHighlight(highlightId: string): void;
}

/** The panel; one per reader. */
export class NotesPanel {
  readonly element: HTMLDetailsElement;
  private article: Article | null = null;
  /** Highlights the reader could not find in the article as it shows it. */
  private missing: ReadonlySet<string> = new Set();
  private readonly summary = el('summary', {}, 'Notes and highlights');
  private readonly noteView = el('div', { className: 'note-view', attrs: { id: 'note-view' } });
  private readonly noteEdit = el('button', { className: 'button small', attrs: { id: 'note-edit', type: 'button' } }, 'Edit note');
  private readonly noteText = el('textarea', { className: 'note-text', attrs: { id: 'note-text', rows: 6, 'aria-label': 'Note (Markdown)', placeholder: 'Your note, in Markdown: **bold**, *italic*, - lists, > quotes' } });
  private readonly noteSave = el('button', { className: 'button small primary', attrs: { id: 'note-save', type: 'button', 'aria-keyshortcuts': 'Control+Enter' } }, 'Save note');
  private readonly noteCancel = el('button', { className: 'button small', attrs: { id: 'note-cancel', type: 'button' } }, 'Cancel');
  private readonly noteEditor = el('div', { className: 'note-editor', attrs: { hidden: true } }, this.noteText, el('div', { className: 'note-buttons' }, this.noteCancel, this.noteSave));
  /** Placed by the reader where it is always in view (above the article), not inside the folded panel. */
  readonly highlightButton = el('button', { className: 'button small', attrs: { id: 'highlight-button', type: 'button', title: 'Highlight the words selected in the article (h)', 'aria-keyshortcuts': 'h' } }, 'Highlight selection');
  private readonly highlightForm = el('div', { className: 'highlight-form', attrs: { id: 'highlight-form', hidden: true } });
  private readonly list = el('ul', { className: 'highlight-list', attrs: { id: 'highlight-list', 'aria-label': 'Highlights' } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'notes-error', role: 'alert', hidden: true } });

  constructor(
    private readonly actions: NotesActions,
    private readonly host: NotesHost,
  ) {
    this.element = el(
      'details',
      { className: 'reader-notes', attrs: { id: 'reader-notes' } },
      this.summary,
      el('div', { className: 'notes-heading' }, el('h3', {}, 'Note'), this.noteEdit),
      this.noteView,
      this.noteEditor,
      el('div', { className: 'notes-heading' }, el('h3', {}, 'Highlights')),
      this.highlightForm,
      this.list,
      this.error,
    );
    this.noteEdit.addEventListener('click', () => this.editNote());
    this.noteCancel.addEventListener('click', () => this.showNote());
    this.noteSave.addEventListener('click', () => void this.saveNote());
    this.noteText.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void this.saveNote();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.showNote();
      }
    });
    this.highlightButton.addEventListener('click', () => this.startHighlight());
    this.list.addEventListener('click', (event) => {
      const target = (event.target as Element).closest<HTMLElement>('[data-action]');
      const item = target?.closest<HTMLElement>('[data-highlight-id]');
      const id = item?.dataset.highlightId;
      if (!target || !item || !id) return;
      if (target.dataset.action === 'show') this.host.showHighlight(id);
      else if (target.dataset.action === 'edit') this.editComment(item, id);
      else if (target.dataset.action === 'delete') void this.change(() => this.actions.removeHighlight(this.articleId(), id));
    });
  }

  /** Shows an article's note and highlights. */
  show(article: Article): void {
    this.article = article;
    this.highlightForm.hidden = true;
    this.showError('');
    this.showNote();
    this.renderHighlights(article.highlights);
    // Open when there is something to see; a user's choice to close it lasts until the next article.
    this.element.open = article.note !== '' || article.highlights.length > 0;
  }

  /** Marks the highlights the reader could not draw (their text is not in the article as shown). */
  setMissing(ids: ReadonlySet<string>): void {
    const changed = ids.size !== this.missing.size || [...ids].some((id) => !this.missing.has(id));
    this.missing = ids;
    if (changed && this.article) this.renderHighlights(this.article.highlights);
  }

  /** Opens the panel and starts a highlight of the selected words (the `h` key). */
  startHighlight(): void {
    if (!this.article) return;
    this.element.open = true;
    this.showError('');
    const selected = this.host.selection();
    if (!selected) {
      this.showError('Select some words in the article first, then choose Highlight.');
      return;
    }
    const comment = el('textarea', { className: 'note-text', attrs: { id: 'highlight-comment', rows: 2, 'aria-label': 'Comment (optional)', placeholder: 'A comment (optional)' } });
    const save = el('button', { className: 'button small primary', attrs: { id: 'highlight-save', type: 'button' } }, 'Save highlight');
    const cancel = el('button', { className: 'button small', attrs: { type: 'button' } }, 'Cancel');
    save.addEventListener('click', () =>
      void this.change(() => this.actions.addHighlight(this.articleId(), selected, comment.value.trim())).then((ok) => {
        if (ok) this.highlightForm.hidden = true;
      }),
    );
    cancel.addEventListener('click', () => {
      this.highlightForm.hidden = true;
    });
    comment.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save.click();
      } else if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        cancel.click();
      }
    });
    replaceChildren(this.highlightForm, el('blockquote', { className: 'highlight-quote' }, selected.quote), comment, el('div', { className: 'note-buttons' }, cancel, save));
    this.highlightForm.hidden = false;
    comment.focus();
  }

  private articleId(): string {
    if (!this.article) throw new Error('reader: no article is open');
    return this.article.id;
  }

  private showNote(): void {
    const note = this.article?.note ?? '';
    this.noteEditor.hidden = true;
    this.noteView.hidden = false;
    this.noteEdit.hidden = false;
    this.noteEdit.textContent = note === '' ? 'Add a note' : 'Edit note';
    if (note === '') replaceChildren(this.noteView, el('p', { className: 'notes-none' }, 'No note yet.'));
    else replaceChildren(this.noteView, renderMarkdown(note));
    this.updateSummary();
  }

  private editNote(): void {
    this.element.open = true;
    this.noteText.value = this.article?.note ?? '';
    this.noteView.hidden = true;
    this.noteEdit.hidden = true;
    this.noteEditor.hidden = false;
    this.noteText.focus();
  }

  private async saveNote(): Promise<void> {
    const article = this.article;
    if (!article) return;
    this.showError('');
    this.noteSave.disabled = true;
    try {
      const saved = await this.actions.setNote(article.id, this.noteText.value);
      if (this.article !== article) return;
      article.note = saved.note;
      this.showNote();
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.noteSave.disabled = false;
    }
  }

  private editComment(item: HTMLElement, id: string): void {
    const highlight = this.article?.highlights.find((candidate) => candidate.id === id);
    if (!highlight) return;
    const field = el('textarea', { className: 'note-text', attrs: { rows: 2, 'aria-label': 'Comment', placeholder: 'A comment (empty for none)' } });
    field.value = highlight.comment;
    const save = el('button', { className: 'button small primary', attrs: { type: 'button' } }, 'Save comment');
    const cancel = el('button', { className: 'button small', attrs: { type: 'button' } }, 'Cancel');
    const editor = el('div', { className: 'highlight-comment-editor' }, field, el('div', { className: 'note-buttons' }, cancel, save));
    save.addEventListener('click', () => void this.change(() => this.actions.updateHighlight(this.articleId(), id, field.value.trim())));
    cancel.addEventListener('click', () => this.renderHighlights(this.article?.highlights ?? []));
    item.querySelector('.highlight-comment, .highlight-actions')?.replaceWith(editor);
    item.querySelector('.highlight-actions')?.remove();
    field.focus();
  }

  /** Runs a highlight change; the list and the reader show main's answer. */
  private async change(work: () => Promise<Highlight[]>): Promise<boolean> {
    const article = this.article;
    if (!article) return false;
    this.showError('');
    try {
      const highlights = await work();
      if (this.article !== article) return true;
      article.highlights = highlights;
      this.renderHighlights(highlights);
      this.host.highlightsChanged(highlights);
      return true;
    } catch (error) {
      this.showError(messageOf(error));
      return false;
    }
  }

  private renderHighlights(highlights: readonly Highlight[]): void {
    if (highlights.length === 0) {
      replaceChildren(this.list, el('li', { className: 'notes-none' }, 'Select words in the article and choose Highlight selection.'));
    } else {
      replaceChildren(
        this.list,
        ...highlights.map((highlight) =>
          el(
            'li',
            { className: 'highlight-item', dataset: { highlightId: highlight.id } },
            el('button', { className: 'highlight-quote', attrs: { type: 'button', title: 'Show in the article' }, dataset: { action: 'show' } }, highlight.quote),
            highlight.comment ? el('p', { className: 'highlight-comment' }, highlight.comment) : null,
            this.missing.has(highlight.id) ? el('p', { className: 'highlight-missing field-note' }, 'Not found in the article as the reader shows it, so not drawn there.') : null,
            el(
              'div',
              { className: 'highlight-actions' },
              el('button', { className: 'button link', attrs: { type: 'button' }, dataset: { action: 'edit' } }, highlight.comment ? 'Edit comment' : 'Add a comment'),
              el('button', { className: 'button link danger', attrs: { type: 'button', 'aria-label': `Delete the highlight “${highlight.quote.slice(0, 40)}”` }, dataset: { action: 'delete' } }, 'Delete'),
            ),
          ),
        ),
      );
    }
    this.updateSummary();
  }

  private updateSummary(): void {
    const article = this.article;
    const parts = [];
    if (article?.note) parts.push('a note');
    if (article && article.highlights.length > 0) parts.push(`${article.highlights.length} highlight${article.highlights.length === 1 ? '' : 's'}`);
    this.summary.textContent = parts.length > 0 ? `Notes and highlights (${parts.join(', ')})` : 'Notes and highlights';
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
