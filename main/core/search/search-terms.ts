/**
 * The words of search: how text is cut into words and folded into index terms, and the shape
 * of a one-word lookup. The index, the query evaluator, snippets and note search all use it,
 * and it uses nothing else in search/, so that they can depend on it without depending on
 * each other.
 */
import { findWords, indexForm } from '../../../common/text';

/** One word to look up: as a prefix (`lavr*`), fuzzily (`lavrof~`), in some fields only. */
export interface TermQuery {
  text: string;
  prefix: boolean;
  fuzzy: boolean;
  /** Fields to look in (`['title']`); null for all. */
  fields: string[] | null;
}

/** The articles a TermQuery matched (by document number), as parallel lists, and the indexed words it matched. */
export interface TermMatches {
  docs: ArrayLike<number>;
  scores: ArrayLike<number>;
  matched: string[];
}

/** Cuts text into words as the index sees them. */
export function tokenize(text: string): string[] {
  return findWords(text).map((span) => span.word);
}

/** Characters of scripts written without spaces between words. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CJK_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;

/**
 * Folds a word and, for a hyphenated or elided one, adds its parts: `US-Russia` → us-russia,
 * us, russia; `l'élection` → l'election, election. Chinese, Japanese and Korean runs are cut into overlapping pairs of characters
 * (`北京天安门` → 北京, 京天, 天安, 安门), so that a two-character word is found inside a
 * sentence and a longer query matches as its pairs together.
 */
export function processTerm(term: string): string[] {
  if (CJK.test(term)) {
    return (term.match(CJK_RUNS) ?? []).flatMap((run) => (CJK.test(run) ? bigrams(run) : run.split(/[-'’.]+/u).filter(Boolean).map(indexForm)));
  }
  const folded = indexForm(term);
  if (!folded.includes('-') && !folded.includes("'")) return [folded];
  // Hyphenated words and elisions are found whole and by their parts: `l'élection` by
  // election, `Russia's` by russia; parts of one letter (the s of 's) say nothing.
  const parts = folded.split(/[-']/u).filter((part) => part.length > 1);
  return [folded, ...parts];
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
