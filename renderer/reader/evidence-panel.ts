/**
 * The reader's evidence actions for the open cutting: "Evidence report…" (its signed
 * provenance, hashes, timestamp and custody, as a PDF and a bundle to verify it with) and
 * "Delete…" (gone from the library, with a signed entry in the custody log).
 */
import type { Article } from '../../common/article';
import { el } from '../helpers/dom';

/** The two buttons, and what they open. */
export class EvidencePanel {
  readonly element: HTMLElement;
  private article: Article | null = null;

  constructor(actions: { report(article: Article): void; delete(article: Article): void }) {
    const report = el('button', { className: 'button small', attrs: { type: 'button', id: 'reader-evidence' } }, 'Evidence report…');
    const remove = el('button', { className: 'button small danger', attrs: { type: 'button', id: 'reader-delete' } }, 'Delete…');
    report.addEventListener('click', () => {
      if (this.article) actions.report(this.article);
    });
    remove.addEventListener('click', () => {
      if (this.article) actions.delete(this.article);
    });
    this.element = el('div', { className: 'reader-evidence' }, report, remove);
  }

  /** The cutting the buttons act on. */
  show(article: Article): void {
    this.article = article;
  }
}
