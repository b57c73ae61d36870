/**
 * What the search index does with words, apart from keeping them: counting the terms of one
 * field of an article (as common/text.ts cuts words, with the article's stop words left out),
 * and finding the indexed words a query word reaches as a prefix or by a near spelling, with
 * MiniSearch's weights for them.
 */
import type { AnySegment } from './index-segment';
import { processTerm, type TermQuery } from './search-terms';

/** MiniSearch's weights for prefix and fuzzy matches. */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** A fuzzy word may differ by one edit in five characters, and never by more than six. */
const FUZZY_FRACTION = 0.2;
const MAX_FUZZY = 6;

/** One indexed word a query word reached, and how much a match of it counts. */
export interface DerivedTerm {
  term: string;
  weight: number;
}

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

/** Two rows of the edit-distance table, reused from word to word (a fuzzy query measures every word of the index against its own). */
let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);

/**
 * The number of edits between two words if it is at most `max`, else max + 1 (Levenshtein).
 * Only the cells within `max` of the table's diagonal can stay within `max`, so only they are
 * worked out (Ukkonen's band), in two typed rows reused between calls: a fuzzy query at
 * 1,000,000 articles goes through two million words. With a new array a row and every cell
 * of each row, "electoin~" took 2.4–3.4 s there.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  const beyond = max + 1;
  if (previousRow.length <= m + 1) {
    previousRow = new Int32Array((m + 2) * 2);
    currentRow = new Int32Array((m + 2) * 2);
  }
  let previous = previousRow;
  let current = currentRow;
  for (let j = 0; j <= m; j++) previous[j] = j < beyond ? j : beyond;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    // Left of the band is out of reach; so is the cell right of it, for the next row to read.
    current[from - 1] = from === 1 ? Math.min(i, beyond) : beyond;
    if (to < m) current[to + 1] = beyond;
    let best = current[from - 1]!;
    const letter = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      let value = previous[j - 1]! + (letter === b.charCodeAt(j - 1) ? 0 : 1);
      const deleted = previous[j]! + 1;
      if (deleted < value) value = deleted;
      const inserted = current[j - 1]! + 1;
      if (inserted < value) value = inserted;
      current[j] = value;
      if (value < best) best = value;
    }
    if (best > max) return beyond;
    const row = previous;
    previous = current;
    current = row;
  }
  return Math.min(previous[m]!, beyond);
}

/** The index terms any of a slot's forms reaches, each with the best weight one gives it. */
export function derivedTermsOfAny(segments: AnySegment[], forms: string[], query: TermQuery, fields: number[]): DerivedTerm[] {
  if (forms.length === 1) return derivedTerms(segments, forms[0]!, query, fields);
  const best = new Map<string, number>();
  for (const form of forms) {
    for (const { term, weight } of derivedTerms(segments, form, query, fields)) best.set(term, Math.max(weight, best.get(term) ?? 0));
  }
  return [...best].map(([term, weight]) => ({ term, weight }));
}

/** The index terms a query form reaches: itself, words it begins (prefix), near spellings (fuzzy). */
function derivedTerms(segments: AnySegment[], form: string, query: TermQuery, fields: number[]): DerivedTerm[] {
  const derived = new Map<string, number>([[form, 1]]);
  if (query.prefix) {
    for (const segment of segments) {
      for (const field of fields) {
        for (const term of segment.termsWithPrefix(field, form)) {
          if (term === form) continue;
          const distance = term.length - form.length;
          derived.set(term, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance));
        }
      }
    }
  }
  if (query.fuzzy) {
    const max = Math.min(MAX_FUZZY, Math.round(form.length * FUZZY_FRACTION));
    if (max > 0) {
      for (const segment of segments) {
        for (const field of fields) {
          for (const term of segment.terms(field)) {
            if (derived.has(term)) continue;
            const distance = editDistance(form, term, max);
            if (distance > 0 && distance <= max) derived.set(term, (FUZZY_WEIGHT * term.length) / (term.length + distance));
          }
        }
      }
    }
  }
  return [...derived].map(([term, weight]) => ({ term, weight }));
}
