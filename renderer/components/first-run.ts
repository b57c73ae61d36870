/**
 * What an empty library shows instead of a blank list: the four ways a cutting comes in, each
 * one click from here: paste an article, open a saved page or file, clip from the browser,
 * import from another tool. Shown while the library has no article at all (not when a search
 * or a tag finds nothing: the list says so then); the list takes its place with the first
 * article.
 */
import { el } from '../helpers/dom';
import type { Listing } from '../listing/listing';

/** What each way in does (the owner opens the dialog or the file chooser). */
export interface FirstRunActions {
  paste(): void;
  /** Called from the click, so the system's file chooser may open at once. */
  openFile(): void;
  clipFromBrowser(): void;
  /** Called from the click, as openFile. */
  importFromTool(): void;
}

/** One way in: the button and the line under it that says what it takes. */
const WAYS: { key: keyof FirstRunActions; label: string; detail: string }[] = [
  { key: 'paste', label: 'Paste an article…', detail: 'Copy a story’s text from a web page, a PDF or an e-mail; its first line becomes the title.' },
  { key: 'openFile', label: 'Open a saved page or file…', detail: 'Web pages (.html, .mhtml), PDFs and text files; or drop them on this window.' },
  { key: 'clipFromBrowser', label: 'Clip from the browser…', detail: 'A bookmarklet sends the page you are reading, as you see it, logged in.' },
  { key: 'importFromTool', label: 'Import from another tool…', detail: 'Pocket, wallabag, browser bookmarks, Zotero (CSL-JSON, RIS), CSV, JSON Lines or a Cuttings archive.' },
];

/** The guide; one per window, in place of the list while the library is empty. */
export class FirstRunGuide {
  private readonly buttons: HTMLButtonElement[];

  constructor(
    private readonly root: HTMLElement,
    private readonly list: HTMLElement,
    listing: Listing,
    actions: FirstRunActions,
  ) {
    this.buttons = WAYS.map(({ key, label }) => {
      const button = el('button', { className: 'button', attrs: { type: 'button', 'aria-describedby': `first-run-${key}` } }, label);
      button.addEventListener('click', () => actions[key]());
      return button;
    });
    root.replaceChildren(
      el('h2', { attrs: { id: 'first-run-heading' } }, 'Your library is empty'),
      el('p', { className: 'first-run-intro' }, 'Bring in your first cuttings one of these ways:'),
      el('ul', { className: 'first-run-ways' }, ...WAYS.map(({ key, detail }, index) => el('li', {}, this.buttons[index]!, el('p', { attrs: { id: `first-run-${key}` } }, detail)))),
    );
    root.setAttribute('aria-labelledby', 'first-run-heading');
    listing.subscribe((event) => {
      if (event.type === 'listed') this.show(event.text === '' && event.tag === null && event.total === 0);
    });
  }

  /** Whether the guide is showing (the library is empty). */
  get shown(): boolean {
    return !this.root.hidden;
  }

  /** Puts the keyboard on the first way in. */
  focus(): void {
    this.buttons[0]?.focus();
  }

  private show(empty: boolean): void {
    const hadFocus = this.root.contains(document.activeElement);
    this.root.hidden = !empty;
    this.list.hidden = empty;
    // The first article came in while the keyboard was here: it goes to the list.
    if (!empty && hadFocus) this.list.focus();
  }
}
