/**
 * Character and word error rates, as OCR is usually scored: the edit distance (insertions,
 * deletions, substitutions) from the expected text to the recognised one, over the expected
 * length, pooled over pages. Both texts are normalised the same way first: Unicode NFC,
 * typographic quotes and dashes as their ASCII forms (the corpus writes ' and ", tesseract
 * often reads ’ and ”), and every run of white space (line and paragraph breaks included) as
 * one space. Text out of order costs its full length twice, so reading order is scored too.
 */

/** The text as it is compared. */
export function normaliseForScoring(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/gu, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/gu, '"')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The edit distance between two sequences. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (ai === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** Edits and length, in characters and in words, of one page. */
export interface PageErrors {
  characterEdits: number;
  characters: number;
  wordEdits: number;
  words: number;
}

/** Scores one page's recognised text against what it says. */
export function pageErrors(expected: string, recognised: string): PageErrors {
  const [want, got] = [normaliseForScoring(expected), normaliseForScoring(recognised)];
  const [wantWords, gotWords] = [want.split(' '), got.split(' ')];
  return { characterEdits: editDistance([...want], [...got]), characters: [...want].length, wordEdits: editDistance(wantWords, gotWords), words: wantWords.length };
}

/** Pooled rates over pages: { cer, wer } as fractions. */
export function pooledRates(pages: readonly PageErrors[]): { cer: number; wer: number } {
  const sum = (key: keyof PageErrors) => pages.reduce((total, page) => total + page[key], 0);
  return { cer: sum('characterEdits') / Math.max(1, sum('characters')), wer: sum('wordEdits') / Math.max(1, sum('words')) };
}
