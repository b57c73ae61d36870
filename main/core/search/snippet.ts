/**
 * Snippets: a short stretch of an article's text around the first word that matched a
 * search, cut at word boundaries, so that a result shows why it was found.
 */
import { findWords, foldTerm } from '../../../common/text';
import { processTerm } from './search-terms';

/** How many characters of context to show before and after the first match. */
const BEFORE = 60;
const AFTER = 160;

/**
 * Returns the part of `text` around the first word that folds to one of `terms` (or starts
 * with one, for prefix matches), with `…` where it was cut; the start of the text if no word
 * matches.
 *
 * @example makeSnippet('… Sergei Lavrov assured …', ['lavrov'])
 */
export function makeSnippet(text: string, terms: string[], length = BEFORE + AFTER): string {
  const wanted = new Set(terms.map((term) => foldTerm(term)));
  let hit: { start: number; end: number } | undefined;
  if (wanted.size > 0) {
    for (const span of findWords(text)) {
      if (processTerm(span.word).some((word) => wanted.has(word))) {
        hit = span;
        break;
      }
    }
  }
  const start = hit ? Math.max(0, hit.start - BEFORE) : 0;
  const end = Math.min(text.length, start + length);
  return cut(text, start, end);
}

function cut(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  // Move inward to the nearest white space so no word is cut in half.
  if (from > 0) {
    const space = text.indexOf(' ', from);
    if (space !== -1 && space < to) from = space + 1;
  }
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from) to = space;
  }
  const body = text.slice(from, to).replace(/\s+/gu, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}
