/**
 * Finding a highlight in an article's text again. A highlight is kept as the words selected
 * (the quote) with a little of the text before and after it (prefix, suffix), the way the W3C
 * Web Annotation model's TextQuoteSelector anchors a passage: no character offsets, which
 * would break as soon as the text is cut or spaced differently (the reader's HTML and the
 * stored plain text do not space alike). Main uses it to refuse a highlight over text the
 * article does not have; the renderer uses it to draw highlights in the reader.
 *
 * Pure: no DOM, no Node.
 */

/** How many characters of context before and after a quote a highlight keeps. */
export const HIGHLIGHT_CONTEXT = 32;

/** What anchors a highlight: the quote, and the text just before and after it. */
export interface HighlightAnchor {
  quote: string;
  prefix?: string;
  suffix?: string;
}

/** Where a highlight lies in a text: `text.slice(start, end)` is the passage. */
export interface TextRange {
  start: number;
  end: number;
}

/** A text with every run of white space made one space, and where each of its characters came from. */
interface Squeezed {
  text: string;
  /** For each character of `text`, its index in the original. */
  from: number[];
}

const SPACE = /\s/u;

/** Squeezes white space runs (spaces, line breaks, no-break spaces) to one space. */
function squeeze(text: string): Squeezed {
  let out = '';
  const from: number[] = [];
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (SPACE.test(char)) {
      if (!inSpace) {
        out += ' ';
        from.push(i);
      }
      inSpace = true;
    } else {
      out += char;
      from.push(i);
      inSpace = false;
    }
  }
  return { text: out, from };
}

/** How many characters at the end of `a` match the end of `b`. */
function commonEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** How many characters at the start of `a` match the start of `b`. */
function commonStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * Finds a highlight's passage in a text. White space is compared loosely (a line break in the
 * text matches a space in the quote, and runs count as one), and the quote's own leading and
 * trailing white space is ignored. Where the quote occurs more than once, the occurrence whose
 * surroundings best match the prefix and suffix wins (the first among equals). Returns null
 * when the quote is blank or not in the text.
 *
 * @example
 * locateHighlight('Talks in Geneva. Then Geneva again.', { quote: 'Geneva', prefix: 'Then ' });
 * // { start: 22, end: 28 }
 */
export function locateHighlight(text: string, anchor: HighlightAnchor): TextRange | null {
  const quote = squeeze(anchor.quote.trim()).text;
  if (quote === '') return null;
  const haystack = squeeze(text);
  const prefix = squeeze(anchor.prefix ?? '').text;
  const suffix = squeeze(anchor.suffix ?? '').text;
  let best: { at: number; score: number } | null = null;
  for (let at = haystack.text.indexOf(quote); at >= 0; at = haystack.text.indexOf(quote, at + 1)) {
    const before = haystack.text.slice(Math.max(0, at - prefix.length - 1), at);
    const after = haystack.text.slice(at + quote.length, at + quote.length + suffix.length + 1);
    // Leading/trailing spaces of the context are compared loosely too: trimmed on both sides.
    const score = commonEnd(before.trimEnd(), prefix.trimEnd()) + commonStart(after.trimStart(), suffix.trimStart());
    if (best === null || score > best.score) best = { at, score };
    // Both contexts matched in full: no other occurrence can do better.
    if (score >= prefix.trimEnd().length + suffix.trimStart().length) break;
  }
  if (best === null) return null;
  const start = haystack.from[best.at]!;
  const end = haystack.from[best.at + quote.length - 1]! + 1;
  return { start, end };
}

/**
 * The anchor of a passage selected in a text: the passage and up to HIGHLIGHT_CONTEXT
 * characters on each side, what `addHighlight` takes.
 *
 * @example
 * anchorOf('Talks in Geneva.', { start: 9, end: 15 });
 * // { quote: 'Geneva', prefix: 'Talks in ', suffix: '.' }
 */
export function anchorOf(text: string, range: TextRange): Required<HighlightAnchor> {
  return {
    quote: text.slice(range.start, range.end),
    prefix: text.slice(Math.max(0, range.start - HIGHLIGHT_CONTEXT), range.start),
    suffix: text.slice(range.end, range.end + HIGHLIGHT_CONTEXT),
  };
}
