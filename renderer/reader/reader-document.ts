/**
 * The document the reader's iframe shows: the article's stored HTML inside a page of our
 * own whose first element is a Content-Security-Policy that allows nothing but images from
 * the app's asset protocol and the reader's own stylesheet. The iframe is sandboxed with no
 * permissions at all (no scripts, an opaque origin), so this is the second of three walls:
 *
 *   1. main stores HTML already sanitised with DOMPurify;
 *   2. this module parses it inertly (DOMParser runs no scripts and loads nothing) and drops
 *      what a reader never needs: scripts, frames, plugins, forms, <meta>/<base>/<link>,
 *      inline styles and event handlers, and addresses outside the asset protocol;
 *   3. the iframe's sandbox and this document's CSP (plus the window's, which a srcdoc
 *      document inherits) block whatever might still get through.
 *
 * The words a search matched are wrapped in `<mark class="cuttings-match" id="cuttings-match-N">`
 * here, before the document goes to srcdoc: the sandbox leaves the window no way into the
 * frame's DOM, but it may still navigate the frame to `about:srcdoc#cuttings-match-N`, a
 * same-document fragment navigation that scrolls to the mark and makes it `:target` (see
 * Reader.goToMatch).
 *
 * Why a <link> to reader.css by absolute URL, not a <style>: the srcdoc document inherits the
 * window's policy (`style-src 'self'`), which forbids inline styles, and a sandboxed document
 * has an opaque origin, so the only stylesheet both policies accept is the app's reader.css
 * named by its full URL.
 */

import type { Highlight } from '../../common/article';
import { ASSET_PROTOCOL } from '../../common/schemes';
import { matchedRanges } from '../helpers/highlight';
import { markHighlights } from './highlight-marks';

/** Elements removed with everything inside them. */
const DROP = [
  'script', 'noscript', 'template', 'style', 'link', 'meta', 'base', 'title',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe',
  'form', 'input', 'button', 'select', 'textarea', 'dialog',
  'audio', 'video', 'source', 'track',
  'svg foreignObject', 'svg use', 'svg image', 'svg animate', 'svg set',
];

/** Attributes that hold an address; only asset-protocol images and web links may stay. */
const URL_ATTRIBUTES = ['src', 'href', 'xlink:href', 'action', 'formaction', 'poster', 'background', 'cite', 'longdesc', 'data', 'ping'];

/** The id of the `n`th marked match (from 1) inside the reader document. */
export function matchId(n: number): string {
  return `${MATCH_ID_PREFIX}${n}`;
}

const MATCH_ID_PREFIX = 'cuttings-match-';


/** The policy inside the reader document. */
export function readerPolicy(stylesheetUrl: string): string {
  return [
    "default-src 'none'",
    `img-src ${ASSET_PROTOCOL}`,
    `style-src ${stylesheetUrl}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/**
 * Returns the `srcdoc` for an article: its HTML, cleaned, in a document with the reader
 * policy and stylesheet. `stylesheetUrl` must be absolute (the srcdoc has no base of its own).
 *
 * @example iframe.srcdoc = buildReaderDocument(article.html, new URL('reader.css', location.href).href)
 */
export function buildReaderDocument(html: string, stylesheetUrl: string, lang: string | null = null): string {
  return buildReaderPage(html, stylesheetUrl, lang, []).srcdoc;
}

/** A reader document with the matched words marked, and how many marks it has. */
export interface ReaderPage {
  srcdoc: string;
  /** The number of marks, with ids `matchId(1)` … `matchId(matches)` in reading order. */
  matches: number;
  /** The user's highlights drawn, by id, with the number n of highlightMarkId(n). */
  highlights: Map<string, number>;
  /** Highlights whose text is not in the document. */
  missingHighlights: Highlight[];
}

/**
 * Like {@link buildReaderDocument}, with every word that matches one of `terms` (a search
 * hit's terms) marked as described above, cut and folded as the snippet highlighter does.
 *
 * @example const page = buildReaderPage(article.html, stylesheetUrl, article.lang, hit.terms); // page.matches === 3
 */
export function buildReaderPage(
  html: string,
  stylesheetUrl: string,
  lang: string | null,
  terms: readonly string[],
  highlights: readonly Highlight[] = [],
  theme: 'light' | 'dark' | 'system' = 'system',
): ReaderPage {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  clean(doc);
  // The user's highlights first: the search marks then go inside them where both apply.
  const drawn = markHighlights(doc, highlights);
  const matches = markMatches(doc, terms);

  const head = doc.head;
  head.replaceChildren();
  const charset = doc.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const policy = doc.createElement('meta');
  policy.setAttribute('http-equiv', 'Content-Security-Policy');
  policy.setAttribute('content', readerPolicy(stylesheetUrl));
  const referrer = doc.createElement('meta');
  referrer.setAttribute('name', 'referrer');
  referrer.setAttribute('content', 'no-referrer');
  const scheme = doc.createElement('meta');
  scheme.setAttribute('name', 'color-scheme');
  scheme.setAttribute('content', 'light dark');
  const stylesheet = doc.createElement('link');
  stylesheet.setAttribute('rel', 'stylesheet');
  stylesheet.setAttribute('href', stylesheetUrl);
  // The policy must come first so that it governs everything after it.
  head.append(policy, charset, referrer, scheme, stylesheet);

  for (const attribute of [...doc.documentElement.attributes]) doc.documentElement.removeAttribute(attribute.name);
  for (const attribute of [...doc.body.attributes]) doc.body.removeAttribute(attribute.name);
  if (lang) doc.documentElement.setAttribute('lang', lang);
  // The window's theme (Settings), which reader.css follows over the system's.
  if (theme !== 'system') doc.documentElement.dataset.theme = theme;
  doc.body.className = 'cuttings-reader';
  return { srcdoc: `<!DOCTYPE html>\n${doc.documentElement.outerHTML}`, matches, highlights: drawn.drawn, missingHighlights: drawn.missing };
}

/**
 * Wraps the words of the body's text that match `terms` in numbered marks; returns how many.
 * A word split across elements (`Lav<b>rov</b>`) is not found, as in the snippet; text in
 * SVG or MathML is left alone, where an HTML element would not render.
 */
function markMatches(doc: Document, terms: readonly string[]): number {
  // The article's own ids must not capture a fragment meant for one of our marks.
  for (const element of doc.querySelectorAll(`[id^="${MATCH_ID_PREFIX}"]`)) element.removeAttribute('id');
  if (terms.length === 0) return 0;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.namespaceURI === HTML_NAMESPACE) texts.push(node as Text);
  }
  let count = 0;
  for (const text of texts) {
    const ranges = matchedRanges(text.data, terms);
    if (ranges.length === 0) continue;
    const fragment = doc.createDocumentFragment();
    let at = 0;
    for (const { start, end } of ranges) {
      if (start > at) fragment.append(text.data.slice(at, start));
      const mark = doc.createElement('mark');
      mark.className = 'cuttings-match';
      mark.id = matchId(++count);
      mark.textContent = text.data.slice(start, end);
      fragment.append(mark);
      at = end;
    }
    if (at < text.data.length) fragment.append(text.data.slice(at));
    text.replaceWith(fragment);
  }
  return count;
}

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

function clean(doc: Document): void {
  for (const element of doc.querySelectorAll(DROP.join(','))) element.remove();
  for (const element of doc.querySelectorAll('*')) {
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on') || name === 'style' || name === 'srcset' || name === 'target' || name === 'srcdoc') {
        element.removeAttribute(attribute.name);
      } else if (URL_ATTRIBUTES.includes(name) && !allowedAddress(element, name, attribute.value)) {
        element.removeAttribute(attribute.name);
      }
    }
    if (element.localName === 'img' && !element.hasAttribute('src')) {
      // An image that was not stored with the article: say so rather than show a broken icon.
      const note = doc.createElement('span');
      note.className = 'cuttings-missing-image';
      note.setAttribute('title', 'This image was not stored with the article');
      note.textContent = element.getAttribute('alt')?.trim() || 'Image not stored';
      element.replaceWith(note);
      continue;
    }
    if (element.localName === 'a' && element.hasAttribute('href')) {
      // A link cannot navigate the reader or open a window (the sandbox has no allow-popups);
      // it still shows where it points when hovered.
      element.setAttribute('target', '_blank');
      element.setAttribute('rel', 'noopener noreferrer');
    }
  }
}

function allowedAddress(element: Element, attribute: string, value: string): boolean {
  const address = value.trim().toLowerCase();
  if (element.localName === 'img' && attribute === 'src') return address.startsWith(ASSET_PROTOCOL);
  if (element.localName === 'a' && attribute === 'href') {
    return address.startsWith('http:') || address.startsWith('https:') || address.startsWith('mailto:') || address.startsWith('#');
  }
  return false;
}
