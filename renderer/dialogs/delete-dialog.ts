/**
 * Deleting a cutting from the reader: asks first, says what deleting means here (the custody
 * log keeps a signed entry with its hashes, and the reason given), and deletes on the user's
 * word. Main's refusal is shown word for word and nothing is deleted.
 */
import { call, messageOf } from '../helpers/api-client';
import { el } from '../helpers/dom';
import { createDialogElement, Dialog } from './dialog';

/** The dialog; one per window, built in code. */
export class DeleteDialog extends Dialog {
  private readonly question = el('h2', { attrs: { id: 'delete-heading' } });
  private readonly reason = el('input', { attrs: { id: 'delete-reason', type: 'text', maxlength: 1000, placeholder: 'Why (kept in the custody log)', autocomplete: 'off' } });
  private readonly error = el('p', { className: 'form-error', attrs: { id: 'delete-error', role: 'alert', hidden: true } });
  private readonly confirm = el('button', { className: 'button danger primary', attrs: { id: 'delete-confirm', type: 'submit' } }, 'Delete');
  private id = '';
  private title = '';

  /** `deleted` hears the id of a cutting deleted. */
  constructor(private readonly deleted: (id: string, title: string) => void) {
    super(createDialogElement('delete-dialog', 'delete-dialog', 'delete-heading'));
    const cancel = el('button', { className: 'button', attrs: { id: 'delete-cancel', type: 'button' } }, 'Cancel');
    cancel.addEventListener('click', () => this.close());
    const form = el(
      'form',
      { className: 'dialog-form', attrs: { novalidate: true } },
      this.question,
      el('p', {}, 'It goes from the library with its text and original. The custody log keeps a signed entry of the deletion, with the hashes it had and your reason, so the deletion itself is on the record.'),
      el('label', { className: 'field-label', attrs: { for: 'delete-reason' } }, 'Reason'),
      this.reason,
      this.error,
      el('div', { className: 'dialog-buttons' }, cancel, this.confirm),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.dialog.append(form);
  }

  /** Asks whether to delete a cutting. */
  open(article: { id: string; title: string }): void {
    if (this.isOpen) return;
    this.id = article.id;
    this.title = article.title;
    this.question.textContent = `Delete “${article.title}”?`;
    this.reason.value = '';
    this.showError('');
    this.showModal();
    this.reason.focus();
  }

  private async run(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.confirm.disabled = true;
    try {
      await call('deleteArticle', { id: this.id, reason: this.reason.value });
      this.busy = false;
      this.close();
      this.deleted(this.id, this.title);
    } catch (error) {
      this.showError(messageOf(error));
    } finally {
      this.busy = false;
      this.confirm.disabled = false;
    }
  }

  private showError(message: string): void {
    this.error.textContent = message;
    this.error.hidden = message === '';
  }
}
