/**
 * "Capture again" in the reader: fetches the open article's address anew and says what came
 * of it. A changed text is kept by main as a new version beside this one, and the change is
 * shown here word by word (`<del>` and `<ins>`, long unchanged runs cut to their ends); an
 * unchanged one is not saved. Offered only for an article that has a web address.
 */
import type { RecaptureOutcome } from '../../common/api';
import type { Article } from '../../common/article';
import type { WordDiffPart } from '../../common/word-diff';
import { messageOf } from '../helpers/api-client';
import { el, replaceChildren, type Child } from '../helpers/dom';
import { formatDateTime } from '../helpers/format';

/** Words kept around each change when showing a diff. */
const DIFF_CONTEXT = 8;

/** The button and what it found; one per reader. */
export class RecapturePanel {
  readonly button = el('button', { className: 'button small recapture-button', attrs: { type: 'button', hidden: true } }, 'Capture again');
  readonly result = el('div', { className: 'recapture-result', attrs: { role: 'status', hidden: true } });
  private article: Article | null = null;

  /** `recapture` asks main to fetch an article again. */
  constructor(private readonly recapture: (id: string) => Promise<RecaptureOutcome>) {
    this.button.addEventListener('click', () => void this.run());
  }

  /** Offers re-capture for an article (if it has an address), with no result shown. */
  show(article: Article): void {
    this.article = article;
    this.button.hidden = !(article.provenance.originalUrl ?? article.url);
    this.result.hidden = true;
  }

  /** Fetches the open article again and shows what changed, word by word. */
  private async run(): Promise<void> {
    const article = this.article;
    if (!article) return;
    this.button.disabled = true;
    this.button.textContent = 'Fetching…';
    try {
      const outcome = await this.recapture(article.id);
      if (this.article !== article) return;
      const since = formatDateTime(outcome.previousClipped);
      replaceChildren(
        this.result,
        outcome.changed
          ? el('p', {}, `Changed since ${since}; the new text is saved as a new version beside this one.`)
          : el('p', {}, `Unchanged since ${since}; nothing was saved.`),
        ...(outcome.changed ? [el('p', { className: 'word-diff' }, ...diffChildren(outcome.diff))] : []),
      );
    } catch (error) {
      replaceChildren(this.result, el('p', { className: 'form-error' }, messageOf(error)));
    } finally {
      this.result.hidden = false;
      this.button.disabled = false;
      this.button.textContent = 'Capture again';
    }
  }
}

/** A word diff as text, `<del>` and `<ins>`, long unchanged runs cut to their ends. */
function diffChildren(parts: readonly WordDiffPart[]): Child[] {
  const children: Child[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.kind === 'removed') children.push(el('del', {}, part.text), ' ');
    else if (part.kind === 'added') children.push(el('ins', {}, part.text), ' ');
    else {
      const words = part.text.split(' ');
      const head = index === 0 ? [] : words.slice(0, DIFF_CONTEXT);
      const tail = index === parts.length - 1 ? [] : words.slice(-DIFF_CONTEXT);
      children.push(words.length > head.length + tail.length ? `${head.join(' ')} … ${tail.join(' ')} ` : `${part.text} `);
    }
  }
  return children;
}
