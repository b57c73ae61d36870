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
  mendBody(document);
  // Input with no element at all (`<`, a cut-off first tag) leaves linkedom no documentElement,
  // and its `body` getter then throws: jsdom makes the html/head/body a browser would.
  const misparsed =
    !document.documentElement ||
    !document.body ||
    document.body.children.length === 0 ||
    document.documentElement.querySelectorAll('html, body body, head head, body head').length > 0;
  return misparsed ? parseHtmlDocument(window, html) : document;
}

/** Elements a page's `<head>` may hold; any other ends the head in a browser's parser. */
const HEAD_ELEMENTS = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'script', 'style', 'template']);

/**
 * Mends, in place, the two ways linkedom most often misplaces a page's body. A browser's
 * parser ends the head at the first element a head may not hold and opens the body there;
 * linkedom instead (1) keeps everything after such an element inside `<head>`, leaving no
 * body at all, and (2) given an element between `</head>` and `<body>` (a `<script>`, a
 * `<style>`, a tracking `<img>`), opens an empty `<body>` for it and a second `<body>` for the
 * page, so that the document's `body` is the empty one. Here, as a browser would have it,
 * what follows the head's last head element and every top-level element after the head goes
 * into the first body, in order, with the later bodies' children and the attributes they add.
 * Before, such pages were parsed again by jsdom, whose document is also about twice as slow to
 * read for everything after: they made most of clipping's slowest twentieth. Anything else
 * (an `<html>`, `<head>` or `<body>` deeper down) is left to the jsdom parse.
 */
function mendBody(document: DomDocument): void {
  const root = document.documentElement as DomElement | null;
  // A page whose first element is not <html> (text before it, a fragment) is left alone.
  if (root?.localName !== 'html' || root.querySelectorAll('html, body body, head head, body head').length > 0) return;
  const top = Array.from(root.children);
  const head = top.find((element) => element.localName === 'head');
  const strayInHead = head ? Array.from(head.children).find((element) => !HEAD_ELEMENTS.has(element.localName)) : undefined;
  let body = top.find((element) => element.localName === 'body');
  const after = top.slice(head ? top.indexOf(head) + 1 : 0).filter((element) => element !== body);
  if (!strayInHead && after.length === 0) return;
  if (!body) {
    body = document.createElement('body') as DomElement;
    root.appendChild(body);
  }
  const anchor = body.firstChild;
  const bodyAt = top.indexOf(body);
  // The head's tail first: it comes before everything else of the body.
  for (let node = strayInHead as DomNode | null | undefined; node; ) {
    const next = node.nextSibling;
    body.insertBefore(node, anchor);
    node = next;
  }
  for (const element of after) {
    const isBody = element.localName === 'body';
    if (isBody) for (const name of element.getAttributeNames()) if (!body.hasAttribute(name)) body.setAttribute(name, element.getAttribute(name) ?? '');
    for (const part of isBody ? Array.from(element.childNodes) : [element]) {
      if (bodyAt >= 0 && top.indexOf(element) < bodyAt) body.insertBefore(part, anchor);
      else body.appendChild(part);
    }
    if (isBody) element.remove();
  }
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
