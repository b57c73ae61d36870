/**
 * What the search index does with words, apart from keeping them: counting the terms of one
 * field of an article (as common/text.ts cuts words, with the article's stop words left out),
 * and the edit distance by which a fuzzy query word reaches an indexed one.
 */
import { processTerm } from './search-terms';

/** Plain words of ASCII letters and digits: folded by lower-casing alone. */
const SIMPLE_WORD = /^[A-Za-z0-9]+$/u;
/** The words of a text, as common/text.ts findWords cuts them. */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:['’.-][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

/**
 * Counts the index terms of one field of an article. Stop words of the article's language
 * are left out, except in titles, which are short and where a name can be made of them
 * (`The Who`). Returns the field's length in terms, as BM25 counts it.
 */
export function countTerms(text: string, stopWords: ReadonlySet<string> | null, counts: Map<string, number>): number {
  let length = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    if (SIMPLE_WORD.test(word)) {
      const term = word.toLowerCase();
      length++;
      if (stopWords?.has(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
      continue;
    }
    for (const term of processTerm(word)) {
      length++;
      if (stopWords?.has(term)) continue;
      counts.set(term, (counts.get(term) ?? 0) + 1);
    }
  }
  return length;
}

/** The number of edits between two words if it is at most `max`, else max + 1. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}
