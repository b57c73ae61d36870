/**
 * Text helpers shared by search (main) and highlighting (renderer): both must cut words and
 * fold them the same way, or the renderer would mark words search did not match.
 */

const PLAIN_ASCII = /^[\x20-\x7e]*$/u;

/** Folds case and strips diacritics: `Zürich` → `zurich`, `LAVROV` → `lavrov`. */
export function foldTerm(word: string): string {
  // Most words of most articles are plain ASCII: lower-casing is all they need, and skipping
  // Unicode normalisation makes indexing many times faster.
  if (PLAIN_ASCII.test(word)) return word.toLowerCase();
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLocaleLowerCase('und');
}

/**
 * The form in which the search index keeps a word: folded, with a typographic apostrophe read
 * as a plain one (`Don’t` → `don't`). The index and the highlighter both use it, so what is
 * marked is what matched.
 */
export function indexForm(word: string): string {
  return foldTerm(word).replace(/’/gu, "'");
}

/**
 * A hyphenated word's joined form, as the search index also keeps it: `e-mail` → `email`,
 * `state-of-the-art` → `stateoftheart`, so that `email` finds "e-mail" and `e-mail` finds
 * "email". A word without a hyphen is its own joined form.
 */
export function joinedForm(form: string): string {
  return form.includes('-') ? form.replaceAll('-', '') : form;
}

/** A word: letters, marks and digits, joined by inner apostrophes, hyphens or dots in numbers. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/** One word found in a text, with where it starts and ends. */
export interface WordSpan {
  word: string;
  start: number;
  end: number;
}

/** Finds every word in a text with its position. */
export function findWords(text: string): WordSpan[] {
  const spans: WordSpan[] = [];
  for (const match of text.matchAll(WORD)) {
    spans.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return spans;
}

/** Counts the words in a text. */
export function countWords(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(WORD)) count++;
  return count;
}
