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
 * its page, ~3.5 MB on average. Creating and closing a window costs ~5 ms, so a window serves
 * a few clips in a row and is then closed, which bounds what it holds to a few pages.
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
 * Runs `work` with a jsdom window: a fresh one, or one that served at most a few clips before
 * (see {@link WINDOW_USES}); it is closed when its uses are up, when `work` throws, or after
 * two idle seconds. Nothing parsed in the window may be kept past `work`: return strings and
 * plain objects.
 */
export function withDomWindow<T>(work: (window: DomWindow) => T): T {
  // A nested call (or one while the spare is out) gets a window of its own.
  const lease = spare ?? { window: createWindow(), uses: 0, idle: null };
  spare = null;
  if (lease.idle) clearTimeout(lease.idle);
  lease.uses++;
  let finished = false;
  try {
    const result = work(lease.window);
    finished = true;
    return result;
  } finally {
    // A window whose work threw is not trusted again; a spare already kept makes this one surplus.
    if (!finished || lease.uses >= WINDOW_USES || spare) lease.window.close();
    else keepSpare(lease);
  }
}

/**
 * How many clips one window serves before it is closed. Making a window costs ~5 ms and a
 * good part of clipping's garbage; closing it is what frees what its documents left on it
 * (see above), so a window is reused a few times, never for long.
 */
const WINDOW_USES = 8;

/** A spare window unused this long is closed, so that an idle app holds none. */
const WINDOW_IDLE_MS = 2000;

interface Lease {
  window: DomWindow;
  uses: number;
  idle: ReturnType<typeof setTimeout> | null;
}

/** The window kept between clips, if any. */
let spare: Lease | null = null;

function keepSpare(lease: Lease): void {
  lease.idle = setTimeout(() => {
    if (spare === lease) spare = null;
    lease.window.close();
  }, WINDOW_IDLE_MS);
  // The timer must not keep a CLI process alive.
  lease.idle.unref?.();
  spare = lease;
}

function createWindow(): DomWindow {
  // An empty VirtualConsole: jsdom's complaints about pages must not reach the app's stdout.
  return new JSDOM('', { url: PLACEHOLDER_BASE_URL, virtualConsole: new VirtualConsole() }).window;
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
  // Input with no element at all (`<`, a cut-off first tag) leaves linkedom no documentElement,
  // and its `body` getter then throws: jsdom makes the html/head/body a browser would.
  const misparsed =
    !document.documentElement ||
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
