/**
 * The reader: an article's metadata, its tags (editable), its provenance, and its stored
 * HTML in an iframe sandboxed with no permissions, so that reading never runs the page's
 * code and never touches the network (see reader-document.ts for the layers).
 *
 * Opened from search results, the words the hit matched are marked in the text, and a bar
 * above it steps through them ("2 of 7"). The sandbox keeps this window out of the frame's
 * DOM, so stepping is done the one way left open: this window navigates the frame to
 * `about:srcdoc#cuttings-match-N`. That is a same-document fragment navigation: Chromium
 * scrolls the mark into view and makes it `:target` (reader.css highlights it), and nothing
 * is loaded. The address must be absolute: a relative `#…` would resolve against this
 * window's URL and load the app itself into the frame.
 *
 * Around the frame: the title and metadata (article-details.ts) with Edit details… (the
 * dialog is dialogs/details-dialog.ts), the tag editor and the tags
 * suggested for the article, the notes and highlights, the provenance, Capture again
 * (recapture-panel.ts), and the evidence report and Delete (evidence-panel.ts).
 */
import type { RecaptureOutcome, ScanView } from '../../common/api';
import type { Article, Highlight } from '../../common/article';
import { attempt, call } from '../helpers/api-client';
import { el, replaceChildren } from '../helpers/dom';
import { editDetailsButton, metaRows, provenanceRows } from './article-details';
import { highlightMarkId } from './highlight-marks';
import { NOTES_IN_MAIN, NotesPanel, type Selected } from './notes-panel';
import { EvidencePanel } from './evidence-panel';
import { RecapturePanel } from './recapture-panel';
import { ScanPanel } from './scan-panel';
import { buildReaderPage, matchId } from './reader-document';
import { SuggestedTags } from './suggested-tags';
import { TagEditor, type TagChange } from './tag-editor';

/** Characters of context kept each side of a highlight's quote. */
const HIGHLIGHT_CONTEXT = 32;

/** What the reader needs from its owner. */
export interface ReaderOptions {
  /** Every tag in the library, for the tag editor's suggestions. */
  knownTags(): string[];
  /** An article's tags were changed here (main has stored them): show them elsewhere too. A failure is shown under the tag field. */
  tagsSaved(id: string, tags: string[]): Promise<void>;
  /** Capture again kept a new version: a new article for the list (the reader stays on this one, showing the diff). */
  newVersion(): Promise<void>;
  /** "Evidence report…": the report dialog for the open article. */
  evidenceReport(article: Article): void;
  /** "Delete…": asks, then deletes the open article. */
  deleteArticle(article: Article): void;
  /** "Edit details…": the details dialog for the open article, with a scan's guesses (null for anything else). */
  editDetails(article: Article, guessed: ScanView['guessed'] | null): void;
}

/** The reader pane. */
export class Reader {
  private article: Article | null = null;
  private readonly empty = el('div', { className: 'reader-empty' }, 'Select an article to read it.');
  private readonly header = el('header', { className: 'reader-header', attrs: { hidden: true } });
  private readonly title = el('h1', { className: 'reader-title', attrs: { tabindex: -1 } });
  private readonly meta = el('dl', { className: 'reader-meta' });
  private readonly provenance = el('dl', { className: 'provenance-list' });
  private readonly tagEditor: TagEditor;
  private readonly recapture: RecapturePanel;
  private readonly evidence: EvidencePanel;
  private readonly frame = el('iframe', {
    className: 'reader-frame',
    // No scripts, no forms, no popups, no navigation of the app: of the sandbox's permissions
    // only allow-same-origin is given, so that this window can read what the user selects in
    // the article (to highlight it) and keep its scroll place when highlights are redrawn.
    // Without allow-scripts nothing in the frame can run to make use of that origin, and the
    // document's own policy (readerPolicy: default-src 'none') forbids scripts a second time;
    // tests/e2e/reader-isolation.spec.ts loads a hostile page to hold both to it.
    attrs: { sandbox: 'allow-same-origin', title: 'Article text', referrerpolicy: 'no-referrer', hidden: true },
  });
  private readonly matchBar = el('div', {
    className: 'reader-matches',
    attrs: { role: 'group', 'aria-label': 'Matched words', hidden: true },
  });
  private readonly matchCount = el('span', { className: 'match-count', attrs: { 'aria-live': 'polite', 'aria-atomic': 'true' } });
  /** The search terms marked in the open article. */
  private terms: readonly string[] = [];
  /** How many marks the open article has, and which one (from 1) was last moved to. */
  private matches = 0;
  private currentMatch = 0;
  /** Whether the frame has loaded the current document, so that it can be navigated within. */
  private frameLoaded = false;
  /** The highlights drawn in the frame, by id, with their mark numbers. */
  private drawnHighlights = new Map<string, number>();
  /** Where to scroll the frame once its new document loads (highlights redrawn). */
  private restoreScroll: number | null = null;
  /** Counts openings, so that a slow answer for an earlier click cannot replace a later one. */
  private opening = 0;
  private readonly notes: NotesPanel;
  private readonly tools: HTMLElement;
  private readonly suggested: SuggestedTags;
  /** A scanned cutting's pages beside its text (scan-panel.ts). */
  private readonly scan: ScanPanel;

  constructor(root: HTMLElement, private readonly options: ReaderOptions) {
    /** Stores a tag change on an article; resolves to its tags after it. */
    const saveTags = async (id: string, change: TagChange): Promise<string[]> => {
      const tags = await call('updateTags', { id, ...change });
      await options.tagsSaved(id, tags);
      return tags;
    };
    const tags = el('div', { className: 'reader-tags' });
    this.tagEditor = new TagEditor(tags, {
      knownTags: options.knownTags,
      save: async (change) => {
        const article = this.article;
        if (!article) throw new Error('reader: no article is open');
        const result = await saveTags(article.id, change);
        article.tags = result;
        this.suggested.setTags(result);
        return result;
      },
    });
    this.suggested = new SuggestedTags({
      suggest: (id) => call('suggestTags', id),
      add: async (tag) => {
        const article = this.article;
        if (!article) return;
        const result = await saveTags(article.id, { add: [tag] });
        article.tags = result;
        this.tagEditor.setTags(result);
        this.suggested.setTags(result);
      },
    });
    this.notes = new NotesPanel(NOTES_IN_MAIN, {
      selection: () => this.selection(),
      highlightsChanged: (highlights) => this.redrawHighlights(highlights),
      showHighlight: (id) => this.showHighlight(id),
    });
    this.recapture = new RecapturePanel(async (id): Promise<RecaptureOutcome> => {
      const outcome = await call('recapture', id);
      if (outcome.changed) await options.newVersion();
      return outcome;
    });
    this.evidence = new EvidencePanel({ report: (article) => options.evidenceReport(article), delete: (article) => options.deleteArticle(article) });
    replaceChildren(
      this.header,
      this.title,
      this.meta,
      el('div', { className: 'reader-details-actions' }, editDetailsButton(() => this.article && options.editDetails(this.article, this.scan.guesses))),
      tags,
      this.suggested.element,
      this.notes.element,
      el('details', { className: 'provenance' }, el('summary', {}, 'Provenance'), this.provenance),
      el('div', { className: 'reader-actions' }, this.recapture.button, this.evidence.element),
      this.recapture.result,
    );
    const previous = el(
      'button',
      { className: 'button small', attrs: { type: 'button', title: 'Previous match', 'aria-label': 'Previous match' } },
      '↑',
    );
    const next = el('button', { className: 'button small', attrs: { type: 'button', title: 'Next match', 'aria-label': 'Next match' } }, '↓');
    previous.addEventListener('click', () => this.stepMatch(-1));
    next.addEventListener('click', () => this.stepMatch(1));
    replaceChildren(this.matchBar, el('span', { className: 'match-label' }, 'Matches'), this.matchCount, previous, next);
    this.frame.addEventListener('load', () => {
      this.frameLoaded = true;
      if (this.restoreScroll !== null) this.frame.contentWindow?.scrollTo(0, this.restoreScroll);
      this.restoreScroll = null;
      // Keys pressed while the article has the focus (after selecting words in it with the
      // mouse) reach the window's shortcuts too: `h` highlights the selection there and then.
      // The listener is this window's code, run for the frame's events; the frame still runs none of its own.
      this.frame.contentDocument?.addEventListener('keydown', (event) => this.forwardKey(event));
      // The first match is shown as soon as the article is: that is what the search found.
      if (this.currentMatch > 0) this.goToMatch(this.currentMatch);
      this.connectScan();
    });
    this.scan = new ScanPanel({
      correct: async (text) => {
        const id = this.article?.id;
        if (!id) throw new Error('reader: no article is open');
        const outcome = await call('correctScanText', { id, text });
        if (outcome.status === 'added') {
          await options.newVersion();
          await this.open(outcome.article.id);
        }
        return outcome;
      },
    });
    // Above the article: the search's matches on the left, Highlight selection on the right.
    this.tools = el('div', { className: 'reader-tools', attrs: { hidden: true } }, this.matchBar, this.notes.highlightButton);
    // A scan's pages stand beside its text.
    replaceChildren(root, this.empty, this.header, this.tools, el('div', { className: 'reader-body' }, this.scan.element, this.frame));
  }

  /** The open article's id, if any. */
  get articleId(): string | undefined {
    return this.article?.id;
  }

  /**
   * Opens an article by id, with the words of `terms` (a search hit's) marked. An article
   * already open is kept as it is, with whatever the user is typing in its tag field; only its
   * marks follow the new terms.
   */
  async open(id: string, terms: readonly string[] = []): Promise<void> {
    if (this.articleId === id) {
      this.setMatchTerms(terms);
      return;
    }
    const mine = ++this.opening;
    const article = await attempt(() => call('getArticle', id));
    if (!article || mine !== this.opening) return;
    this.show(article, terms);
  }

  /** Shows an article, with the words of `terms` (a search hit's) marked in its text. */
  show(article: Article, terms: readonly string[] = []): void {
    this.article = article;
    this.empty.hidden = true;
    this.header.hidden = false;
    this.frame.hidden = false;
    this.tools.hidden = false;
    this.title.textContent = article.title;
    if (article.lang) this.title.setAttribute('lang', article.lang);
    else this.title.removeAttribute('lang');
    replaceChildren(this.meta, ...metaRows(article));
    replaceChildren(this.provenance, ...provenanceRows(article));
    this.tagEditor.setTags(article.tags);
    this.recapture.show(article);
    this.evidence.show(article);
    this.notes.show(article);
    void this.suggested.load(article.id);
    this.render(article, terms);
    void this.loadScan(article);
  }

  /** Shows a scanned cutting's pages beside its text; hides the panel for any other article. */
  private async loadScan(article: Article): Promise<void> {
    if (!isScan(article)) {
      this.scan.hide();
      return;
    }
    const view = await attempt(() => call('getScan', article.id));
    if (!view || this.article?.id !== article.id) return;
    this.scan.show(view, article);
    this.connectScan();
  }

  /** Ties the text in the frame to the scan (scan-panel.ts), once both are there. */
  private connectScan(): void {
    const doc = this.frame.contentDocument;
    if (!doc || !this.frameLoaded) return;
    this.scan.connect(doc);
    if (this.currentMatch > 0) this.scan.showMark(doc.getElementById(matchId(this.currentMatch)));
  }

  /** A key pressed in the article: `h` highlights; Escape, `/`, j and k go to the window as if pressed there. */
  private forwardKey(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key === 'h') {
      event.preventDefault();
      this.startHighlight();
      return;
    }
    if (!['Escape', '/', 'j', 'k', 't'].includes(event.key)) return;
    event.preventDefault();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: event.key, shiftKey: event.shiftKey, bubbles: true, cancelable: true }));
  }

  /** Starts a highlight of the words selected in the article (the `h` key). */
  startHighlight(): void {
    this.notes.startHighlight();
  }

  /**
   * The words selected in the article, with the text around them; null when none are. The
   * frame shares this window's origin (see the sandbox above), so its selection can be read.
   */
  private selection(): Selected | null {
    const doc = this.frame.contentDocument;
    const selection = doc?.getSelection();
    if (!doc || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const squeeze = (text: string) => text.replace(/\s+/gu, ' ');
    const quote = squeeze(range.toString()).trim();
    if (quote === '') return null;
    const before = doc.createRange();
    before.setStart(doc.body, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const after = doc.createRange();
    after.setStart(range.endContainer, range.endOffset);
    after.setEnd(doc.body, doc.body.childNodes.length);
    return {
      quote,
      prefix: squeeze(before.toString()).trimStart().slice(-HIGHLIGHT_CONTEXT),
      suffix: squeeze(after.toString()).trimEnd().slice(0, HIGHLIGHT_CONTEXT),
    };
  }

  /** Draws the open article again with its new highlights, where the reader was. */
  private redrawHighlights(highlights: Highlight[]): void {
    const article = this.article;
    if (!article) return;
    article.highlights = highlights;
    this.restoreScroll = this.frame.contentWindow?.scrollY ?? null;
    this.render(article, this.terms);
  }

  private showHighlight(id: string): void {
    const n = this.drawnHighlights.get(id);
    if (n === undefined || !this.frameLoaded) return;
    this.frame.contentWindow?.location.replace(`about:srcdoc#${highlightMarkId(n)}`);
  }

  /**
   * Marks other search terms in the open article (it was opened again from other results);
   * nothing else in the reader changes, so a tag being typed is kept.
   */
  setMatchTerms(terms: readonly string[]): void {
    if (!this.article || sameTerms(terms, this.terms)) return;
    this.render(this.article, terms);
  }

  /** Moves to the next (1) or previous (-1) match, round from the last to the first. */
  stepMatch(direction: 1 | -1): void {
    if (this.matches === 0) return;
    this.goToMatch(((this.currentMatch - 1 + direction + this.matches) % this.matches) + 1);
  }

  private render(article: Article, terms: readonly string[]): void {
    const stylesheet = new URL('reader.css', window.location.href).href;
    const theme = document.documentElement.dataset.theme;
    const page = buildReaderPage(article.html, stylesheet, article.lang, terms, article.highlights ?? [], theme === 'light' || theme === 'dark' ? theme : 'system');
    this.drawnHighlights = page.highlights;
    this.notes.setMissing(new Set(page.missingHighlights.map((highlight) => highlight.id)));
    this.terms = [...terms];
    this.matches = page.matches;
    this.currentMatch = page.matches > 0 ? 1 : 0;
    this.showMatchCount();
    this.frameLoaded = false;
    this.frame.srcdoc = page.srcdoc;
  }

  private goToMatch(n: number): void {
    this.currentMatch = n;
    this.showMatchCount();
    // Before the document has loaded, navigating would cancel it: the load handler moves there.
    if (!this.frameLoaded) return;
    this.frame.contentWindow?.location.replace(`about:srcdoc#${matchId(n)}`);
    this.scan.showMark(this.frame.contentDocument?.getElementById(matchId(n)) ?? null);
  }

  private showMatchCount(): void {
    this.matchBar.hidden = this.matches === 0;
    this.matchCount.textContent = `${this.currentMatch} of ${this.matches}`;
  }

  /** Shows an article's new details (Edit details… saved them) if it is open; its text stays where the reader was. */
  detailsChanged(article: Article): void {
    if (this.article?.id !== article.id) return;
    Object.assign(this.article, { title: article.title, published: article.published, author: article.author, source: article.source, edited: article.edited });
    this.title.textContent = article.title;
    replaceChildren(this.meta, ...metaRows(this.article));
    this.scan.showGuesses(this.article);
  }

  /** Shows tags changed elsewhere, if that article is open. */
  setTags(id: string, tags: string[]): void {
    if (this.article?.id !== id) return;
    this.article.tags = tags;
    this.tagEditor.setTags(tags);
    this.suggested.setTags(tags);
  }

  /** Shows nothing (the article is gone or the list is empty). */
  clear(): void {
    this.article = null;
    this.empty.hidden = false;
    this.header.hidden = true;
    this.frame.hidden = true;
    this.tools.hidden = true;
    this.terms = [];
    this.matches = 0;
    this.currentMatch = 0;
    this.showMatchCount();
    this.frameLoaded = false;
    this.frame.srcdoc = '';
    this.scan.hide();
  }

  /** Opens the details dialog for the article shown (Edit Details…, e); false when none is. */
  editDetails(): boolean {
    if (!this.article) return false;
    this.options.editDetails(this.article, this.scan.guesses);
    return true;
  }

  /** Moves focus to the tag field. */
  focusTags(): void {
    this.tagEditor.focus();
  }

  /** Reads the open article's tags again (many articles' tags changed at once). */
  async reloadTags(): Promise<void> {
    const id = this.articleId;
    if (id !== undefined) this.setTags(id, (await call('getArticle', id)).tags);
  }
}

/** Whether an article is a scan: its text came from recognition, its words numbered for the scan (clip/scan-text.ts). */
function isScan(article: Article): boolean {
  return /<span data-w="\d+"/u.test(article.html);
}

function sameTerms(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((term, index) => term === b[index]);
}
