/**
 * The DOM the clippers work on: jsdom's, in a window that lives for one clip.
 *
 * main/ has no DOM globals at run time (its tsconfig has no "DOM" lib), so DOM values are
 * typed through jsdom's own window types and node kinds are compared by number.
 *
 * Pages are parsed with the window's DOMParser rather than as the window's own document. A
 * DOMParser document has no browsing context, and jsdom then does no page work at all: it
 * never runs scripts, never loads resources, does not parse `<style>` sheets (jsdom 27's
 * CSS parser throws on some real pages' CSS, e.g. `border: inherit` followed by
 * `border-width`, which would abort the clip) and does not build a window for every
 * `<iframe>`. On the Readability test pages this parses about a third faster. The
 * document's URL is the window's placeholder; html.ts gives it the page's address as a
 * `<base>`.
 *
 * Why a window per clip and not one for the process: jsdom keeps per-document state on the
 * window that created the document and never lets go of it while the window lives (every
 * document's selector engine adds event listeners to the window; every element with an
 * `id` or `name` is tracked as a window property). With one shared window each clip leaked
 * its page, ~3.5 MB on average. Creating and closing a window costs ~5 ms.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import type { DOMWindow } from 'jsdom';
import { DOMParser as LinkedomParser } from 'linkedom';
import { PLACEHOLDER_BASE_URL } from './urls';

/** A jsdom window. */
export type DomWindow = DOMWindow;
/** A jsdom document. */
export type DomDocument = DOMWindow['document'];
/** A jsdom element. */
export type DomElement = NonNullable<ReturnType<DomDocument['querySelector']>>;
/** A jsdom node of any kind. */
export type DomNode = ReturnType<DomElement['cloneNode']>;

/** `Node.ELEMENT_NODE`, which main cannot read from a DOM global. */
export const ELEMENT_NODE = 1;
/** `Node.TEXT_NODE`. */
export const TEXT_NODE = 3;

/**
 * Runs `work` with a fresh jsdom window and closes the window afterwards, whatever happens.
 * Nothing parsed in the window may be kept past `work`: return strings and plain objects.
 */
export function withDomWindow<T>(work: (window: DomWindow) => T): T {
  // An empty VirtualConsole: jsdom's complaints about pages must not reach the app's stdout.
  const window = new JSDOM('', { url: PLACEHOLDER_BASE_URL, virtualConsole: new VirtualConsole() }).window;
  try {
    return work(window);
  } finally {
    window.close();
  }
}

/** Parses a whole HTML page into a window-less document (no scripts, no loads, no CSS). */
export function parseHtmlDocument(window: DomWindow, html: string): DomDocument {
  const parser = new window.DOMParser();
  return parser.parseFromString(html, 'text/html') as DomDocument;
}

/**
 * Parses a whole page for *reading*, with linkedom: about nine times faster than jsdom on
 * the trafilatura pages (5 ms against 47 ms at the median), and Readability runs about twice
 * as fast on the result, which is what brings clipping under 50 ms a page. linkedom is not a
 * spec-exact parser, so nothing it produces is trusted as output: the article is serialised
 * and sanitised again in a jsdom window (see sanitise.ts), where DOMPurify sees exactly what
 * a browser would. And where linkedom visibly gets a page's structure wrong (about one page
 * in 25: `<html>` tags repeated in IE conditional comments end up nested, a `<body>` left
 * empty), the page is parsed again with jsdom in `window`. linkedom implements the DOM
 * interfaces the clippers use (selectors, attributes, `closest`, `textContent`, tree edits),
 * so its document is typed as jsdom's.
 */
export function parsePage(window: DomWindow, html: string): DomDocument {
  const document = new LinkedomParser().parseFromString(html, 'text/html') as unknown as DomDocument;
  const misparsed =
    !document.body ||
    document.body.children.length === 0 ||
    document.documentElement.querySelectorAll('html, body body, head head, body head').length > 0;
  return misparsed ? parseHtmlDocument(window, html) : document;
}

/**
 * The elements under `root` that match a CSS selector, as a static array. Clipping code
 * uses this, never `getElementsByTagName`: jsdom's live HTMLCollection re-walks the tree
 * on every index read, which took over a second for the links of one Wikipedia page.
 */
export function selectAll(root: DomDocument | DomElement, selector: string): DomElement[] {
  return Array.from(root.querySelectorAll(selector));
}

/**
 * The first element under `root` that matches a CSS selector, or null. Not `querySelector`:
 * in jsdom 27 it takes ~14 ms to find nothing on a large page, where `querySelectorAll`
 * takes microseconds.
 */
export function selectFirst(root: DomDocument | DomElement, selector: string): DomElement | null {
  return root.querySelectorAll(selector).item(0);
}
