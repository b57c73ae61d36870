/**
 * Drawing the user's highlights in the reader document: each highlight's quote is found in
 * the document's text and wrapped in `<mark class="cuttings-highlight">`, before the document
 * goes to the frame (as the search marks are; see reader-document.ts).
 *
 * A highlight is stored as its quote with a little text before and after it (prefix and
 * suffix), as the article's plain text has them. The reader shows the article's HTML, whose
 * white space differs (line breaks between paragraphs, spaces collapsed), so the quote is
 * looked for with all white space left out on both sides; where it occurs more than once, the
 * occurrence whose surroundings agree best with the prefix and suffix wins. A quote that is
 * nowhere in the document is reported back, so that the reader can say so.
 */
import type { Highlight } from '../../common/article';

/** The class of a highlight's marks, and the prefix of the first mark's id. */
export const HIGHLIGHT_CLASS = 'cuttings-highlight';
const HIGHLIGHT_ID_PREFIX = 'cuttings-highlight-';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
const SPACE = /\s/u;

/** The id of the first mark of the `n`th highlight drawn (from 1), for navigating the frame to it. */
export function highlightMarkId(n: number): string {
  return `${HIGHLIGHT_ID_PREFIX}${n}`;
}

/** Text with its white space left out, and where each character left came from. */
function squeeze(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (SPACE.test(char)) continue;
    out += char;
    at.push(index);
  }
  return { text: out, at };
}

/** How many characters two strings share at their ends (`fromEnd`) or starts. */
function shared(a: string, b: string, fromEnd: boolean): number {
  let count = 0;
  while (count < a.length && count < b.length) {
    const x = fromEnd ? a[a.length - 1 - count] : a[count];
    const y = fromEnd ? b[b.length - 1 - count] : b[count];
    if (x !== y) break;
    count++;
  }
  return count;
}

/**
 * Where a quote is in `text` (start inclusive, end exclusive), white space aside, chosen by
 * prefix and suffix where it occurs more than once; null when it does not occur.
 *
 * @example findQuote('one two. one three.', { quote: 'one', prefix: 'two. ', suffix: ' three' }) // { start: 9, end: 12 }
 */
export function findQuote(text: string, highlight: Pick<Highlight, 'quote' | 'prefix' | 'suffix'>): { start: number; end: number } | null {
  const hay = squeeze(text);
  const quote = squeeze(highlight.quote).text;
  if (quote === '') return null;
  const prefix = squeeze(highlight.prefix).text;
  const suffix = squeeze(highlight.suffix).text;
  let best: { at: number; score: number } | null = null;
  for (let at = hay.text.indexOf(quote); at >= 0; at = hay.text.indexOf(quote, at + 1)) {
    const score = shared(hay.text.slice(0, at), prefix, true) + shared(hay.text.slice(at + quote.length), suffix, false);
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return null;
  return { start: hay.at[best.at]!, end: hay.at[best.at + quote.length - 1]! + 1 };
}

/**
 * Wraps each highlight's text in the body in marks; returns the highlights drawn (their
 * number n gives the first mark the id highlightMarkId(n)) and those not found.
 */
export function markHighlights(doc: Document, highlights: readonly Highlight[]): { drawn: Map<string, number>; missing: Highlight[] } {
  const drawn = new Map<string, number>();
  const missing: Highlight[] = [];
  for (const element of doc.querySelectorAll(`[id^="${HIGHLIGHT_ID_PREFIX}"]`)) element.removeAttribute('id');
  for (const highlight of highlights) {
    // The text nodes are read again for each: the marks of the last one split them.
    const texts: Text[] = [];
    const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.namespaceURI === HTML_NAMESPACE) texts.push(node as Text);
    }
    const whole = texts.map((text) => text.data).join('');
    const found = findQuote(whole, highlight);
    if (!found) {
      missing.push(highlight);
      continue;
    }
    const n = drawn.size + 1;
    drawn.set(highlight.id, n);
    let offset = 0;
    let first = true;
    for (const text of texts) {
      const base = offset;
      offset += text.data.length;
      const start = Math.max(found.start, base) - base;
      const end = Math.min(found.end, offset) - base;
      if (start >= end) continue;
      // White space between paragraphs is left unmarked: a mark there would draw a stray block.
      if (text.data.slice(start, end).trim() === '') continue;
      const middle = start > 0 ? text.splitText(start) : text;
      middle.splitText(end - start);
      const mark = doc.createElement('mark');
      mark.className = HIGHLIGHT_CLASS;
      mark.dataset.highlight = highlight.id;
      if (highlight.comment) mark.title = highlight.comment;
      if (first) mark.id = highlightMarkId(n);
      first = false;
      middle.replaceWith(mark);
      mark.append(middle);
    }
  }
  return { drawn, missing };
}
