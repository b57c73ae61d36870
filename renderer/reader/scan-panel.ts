/**
 * The scan beside its text: each page of a scanned cutting as the library keeps it (cleaned:
 * upright, level, evenly lit), with boxes drawn over it where the words are — amber for the
 * words the search matched, blue for the word clicked in the text (or the match stepped to) —
 * and what was recognised how: the languages, the engine, the headline and date guessed for
 * the user to confirm, where it stood in print. *Correct the text…* opens the text for
 * editing; saved, it becomes a new version (the recognised text is kept).
 *
 * The pages come from main as JPEG bytes (getScan) and are shown as `data:` images, which the
 * window's policy allows for images and nothing else; the reader's frame and its policy are
 * untouched (the text stays there, in spans numbered as the words here: `data-w`).
 */
import type { AddOutcome, ScanView, ScanWord } from '../../common/api';
import type { Article } from '../../common/article';
import { guessesToCheck } from '../../common/article-details';
import { messageOf } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';

/** What the panel asks of the reader. */
export interface ScanPanelOptions {
  /** Stores the corrected text as a new version; resolves to what main did. */
  correct(text: string): Promise<AddOutcome>;
}

/** A word's place: its page's sheet and its box. */
interface PlacedWord {
  sheet: HTMLElement;
  page: { width: number; height: number };
  word: ScanWord;
}

/** The panel. */
export class ScanPanel {
  readonly element = el('section', { className: 'scan-panel', attrs: { 'aria-label': 'The scan', hidden: true } });
  private readonly summary = el('p', { className: 'scan-summary' });
  private readonly guessed = el('p', { className: 'scan-guessed', attrs: { hidden: true } });
  private readonly pages = el('div', { className: 'scan-pages' });
  private readonly editor = el('form', { className: 'scan-correct', attrs: { hidden: true, 'aria-label': 'Correct the text' } });
  private readonly editText = el('textarea', { className: 'scan-correct-text', attrs: { rows: 12, spellcheck: 'true', 'aria-label': 'The text, to correct' } });
  private readonly editMessage = el('p', { className: 'scan-correct-message', attrs: { role: 'status' } });
  private readonly correctButton = el('button', { className: 'button small', attrs: { type: 'button' } }, 'Correct the text…');
  private words: PlacedWord[] = [];
  private marks: HTMLElement[] = [];
  private current: HTMLElement | null = null;
  private article: Article | null = null;
  private view: ScanView | null = null;

  constructor(private readonly options: ScanPanelOptions) {
    const save = el('button', { className: 'button small primary', attrs: { type: 'submit' } }, 'Save as a new version');
    const cancel = el('button', { className: 'button small', attrs: { type: 'button' } }, 'Cancel');
    replaceChildren(this.editor, this.editText, el('div', { className: 'dialog-buttons' }, cancel, save), this.editMessage);
    cancel.addEventListener('click', () => this.closeEditor());
    this.correctButton.addEventListener('click', () => this.openEditor());
    this.editor.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.saveCorrection();
    });
    replaceChildren(this.element, el('div', { className: 'scan-header' }, this.summary, this.correctButton), this.guessed, this.editor, this.pages);
  }

  /** Shows an article's scan. */
  show(view: ScanView, article: Article): void {
    this.article = article;
    this.element.hidden = false;
    this.closeEditor();
    const confidence = view.pages.length === 0 ? 0 : Math.round(view.pages.reduce((sum, page) => sum + page.confidence, 0) / view.pages.length);
    const where = [view.section, view.printPage ? `page ${view.printPage}` : null].filter(Boolean).join(', ');
    this.summary.textContent = [
      `${view.pages.length} ${view.pages.length === 1 ? 'page' : 'pages'}`,
      `recognised in ${view.languages} (${confidence}% sure on average)`,
      ...(where ? [`in print: ${where}`] : []),
      ...(view.correctedFrom ? ['text corrected by hand'] : []),
    ].join(' · ');
    this.view = view;
    this.showGuesses(article);
    this.words = [];
    replaceChildren(
      this.pages,
      ...view.pages.map((page, index) => {
        const image = el('img', { className: 'scan-image', attrs: { src: `data:${page.mediaType};base64,${page.dataBase64}`, alt: `Page ${index + 1} of the scan`, width: page.width, height: page.height } });
        const sheet = el('div', { className: 'scan-sheet' }, image);
        for (const word of page.words) this.words.push({ sheet, page, word });
        return el('figure', { className: 'scan-page' }, sheet, el('figcaption', {}, `Page ${index + 1}${page.from === 'text-layer' ? ' (text from the PDF itself)' : ''}`));
      }),
    );
    this.marks = [];
    this.current = null;
  }

  /**
   * Says which of the headline and date were guessed from the text and are still to be
   * checked (none once the user saved or confirmed the details: Edit details…).
   */
  showGuesses(article: Article): void {
    if (!this.view || this.article?.id !== article.id) return;
    this.article = article;
    const toCheck = guessesToCheck(this.view.guessed, article);
    const guesses = [...(toCheck.title ? [`the headline “${toCheck.title}”`] : []), ...(toCheck.published ? [`the date ${toCheck.published}`] : [])];
    this.guessed.hidden = guesses.length === 0;
    this.guessed.textContent = guesses.length > 0 ? `Guessed from the text, to be checked against the scan: ${guesses.join(' and ')} (Edit details… confirms them).` : '';
  }

  /** What was guessed from the scan's text, while a scan is shown. */
  get guesses(): ScanView['guessed'] | null {
    return this.view?.guessed ?? null;
  }

  /** Hides the panel (the article is no scan). */
  hide(): void {
    this.article = null;
    this.view = null;
    this.element.hidden = true;
    replaceChildren(this.pages);
    this.words = [];
    this.marks = [];
    this.current = null;
  }

  /**
   * Ties the reader frame's document to the scan: a click on a word shows it on the page, and
   * the words the search matched are boxed there. The frame shares the window's origin (see
   * reader.ts), so the window's code can listen to it; the frame still runs none of its own.
   */
  connect(doc: Document): void {
    if (this.element.hidden) return;
    if (!doc.body.dataset.scanConnected) {
      doc.body.dataset.scanConnected = 'true';
      doc.addEventListener('click', (event) => {
        const word = (event.target as Element | null)?.closest?.('[data-w]');
        if (word) this.showWord(Number(word.getAttribute('data-w')));
      });
    }
    this.showHits([...doc.querySelectorAll('mark.cuttings-match')].flatMap((mark) => wordIndex(mark)));
  }

  /** Shows on the scan the word a mark in the text (a search match) stands in. */
  showMark(mark: Element | null): void {
    const [index] = mark ? wordIndex(mark) : [];
    if (index !== undefined) this.showWord(index);
  }

  /** Marks the words the search matched (their indexes, as `data-w` numbers them). */
  showHits(indexes: readonly number[]): void {
    for (const mark of this.marks) mark.remove();
    this.marks = indexes.flatMap((index) => {
      const placed = this.words[index];
      return placed ? [this.box(placed, 'scan-box hit')] : [];
    });
  }

  /** Shows one word on the scan (clicked in the text, or the match stepped to), scrolled into view. */
  showWord(index: number): void {
    this.current?.remove();
    const placed = this.words[index];
    if (!placed) return;
    this.current = this.box(placed, 'scan-box current');
    this.current.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  }

  /** A box over a word, placed in hundredths of its page so it follows the image's size. */
  private box({ sheet, page, word }: PlacedWord, className: string): HTMLElement {
    const box = el('div', { className, attrs: { 'aria-hidden': 'true' } });
    // Set through the style object (not a style attribute, which the window's policy forbids).
    box.style.left = `${(100 * word.x0) / page.width}%`;
    box.style.top = `${(100 * word.y0) / page.height}%`;
    box.style.width = `${(100 * (word.x1 - word.x0)) / page.width}%`;
    box.style.height = `${(100 * (word.y1 - word.y0)) / page.height}%`;
    sheet.append(box);
    return box;
  }

  private openEditor(): void {
    if (!this.article) return;
    this.editText.value = this.article.text;
    this.editMessage.textContent = '';
    this.editor.hidden = false;
    this.correctButton.hidden = true;
    this.editText.focus();
  }

  private closeEditor(): void {
    this.editor.hidden = true;
    this.correctButton.hidden = false;
  }

  private async saveCorrection(): Promise<void> {
    this.editMessage.textContent = 'Saving…';
    try {
      const outcome = await this.options.correct(this.editText.value);
      this.editMessage.textContent = outcome.status === 'duplicate' ? 'Nothing changed: the text is the same as the latest version.' : '';
      if (outcome.status === 'added') this.closeEditor();
    } catch (error) {
      this.editMessage.textContent = messageOf(error);
    }
  }
}

/** The scan's word a mark in the text stands in (`data-w`), if any. */
function wordIndex(mark: Element): number[] {
  const word = mark.closest('[data-w]') ?? mark.querySelector('[data-w]');
  return word ? [Number(word.getAttribute('data-w'))] : [];
}
