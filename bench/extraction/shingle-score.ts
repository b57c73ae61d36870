/**
 * The score article-extraction benchmarks publish (scrapinghub's article-extraction-benchmark,
 * as ../shared/corpora/extraction-dev/README.md gives it): the texts as multisets of 4-word
 * shingles, precision and recall per page, averaged over the pages, then F1 of the averages.
 */

/** A word as Python's Unicode `\w+` reads one: letters, marks, digits and the underscore. */
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** Shingle length: four words, as the benchmark. */
const SHINGLE = 4;

/** A text's 4-word shingles counted (a text of 1–3 words is one shingle; none is no shingle). */
export function shingles(text: string): Map<string, number> {
  const words = text.match(WORD) ?? [];
  const counts = new Map<string, number>();
  if (words.length === 0) return counts;
  const last = Math.max(0, words.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    const key = words.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** One page's precision and recall. */
export interface PagePrecisionRecall {
  precision: number;
  recall: number;
}

/**
 * Precision (shared / extracted shingles) and recall (shared / true shingles) of one page.
 * Nothing extracted and nothing true is a perfect page; nothing extracted of something true
 * is precision 1, recall 0.
 */
export function scorePage(extracted: string, truth: string): PagePrecisionRecall {
  const got = shingles(extracted);
  const want = shingles(truth);
  const total = (counts: Map<string, number>): number => {
    let sum = 0;
    for (const count of counts.values()) sum += count;
    return sum;
  };
  const gotTotal = total(got);
  const wantTotal = total(want);
  if (gotTotal === 0) return { precision: 1, recall: wantTotal === 0 ? 1 : 0 };
  if (wantTotal === 0) return { precision: 0, recall: 1 };
  let shared = 0;
  for (const [key, count] of got) shared += Math.min(count, want.get(key) ?? 0);
  return { precision: shared / gotTotal, recall: shared / wantTotal };
}

/** A set's score: precision and recall averaged over its pages, and their F1. */
export interface SetScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Averages the pages' precision and recall and takes the F1 of the averages. */
export function scoreSet(pages: PagePrecisionRecall[]): SetScore {
  if (pages.length === 0) return { pages: 0, precision: Number.NaN, recall: Number.NaN, f1: Number.NaN };
  const precision = pages.reduce((sum, page) => sum + page.precision, 0) / pages.length;
  const recall = pages.reduce((sum, page) => sum + page.recall, 0) / pages.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pages: pages.length, precision, recall, f1 };
}
