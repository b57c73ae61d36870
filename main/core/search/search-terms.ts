/**
 * The words of search: how text is cut into words and folded into index terms, and the shape
 * of a one-word lookup. The index, the query evaluator, snippets and note search all use it,
 * and it uses nothing else in search/, so that they can depend on it without depending on
 * each other.
 */
import { findWords, indexForm, joinedForm } from '../../../common/text';

/**
 * The version of how words become index terms. The index snapshot records it and is rebuilt
 * when it changes. 2: hyphenated words are indexed by their joined form too (`e-mail` →
 * email), and a hyphenated query word looks up the whole word or its joined form.
 */
export const TERMS_VERSION = 2;

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
 * The index terms of a word. A hyphenated word is kept whole, joined and by its parts:
 * `State-of-the-art` → state-of-the-art, stateoftheart, state, of, the, art — whole for
 * `e-mai*` as typed, joined so that `email` and `e-mail` find each other, by its parts so
 * that `art` and `russia` (in US-Russia) find it; the index then leaves out the parts that
 * are stop words. An elided word is kept whole and by its parts: `l'élection` →
 * l'election, election. Parts of one letter (the e of e-mail, the s of 's) say nothing.
 * Chinese, Japanese and Korean runs are cut into overlapping pairs of characters
 * (`北京天安门` → 北京, 京天, 天安, 安门), so that a two-character word is found inside a
 * sentence and a longer query matches as its pairs together.
 */
export function processTerm(term: string): string[] {
  if (CJK.test(term)) {
    return (term.match(CJK_RUNS) ?? []).flatMap((run) => (CJK.test(run) ? bigrams(run) : run.split(/[-'’.]+/u).filter(Boolean).map(indexForm)));
  }
  const folded = indexForm(term);
  if (!folded.includes('-') && !folded.includes("'")) return [folded];
  const parts = folded.split(/[-']/u).filter((part) => part.length > 1);
  const joined = joinedForm(folded);
  return joined === folded ? [folded, ...parts] : [folded, joined, ...parts];
}

/**
 * What a query word looks up: a list of slots that must all match, each a list of terms any
 * one of which will do. A hyphenated word matches whole or joined —
 * `state-of-the-art` → [[state-of-the-art, stateoftheart]] — never by its parts, some of which
 * may be stop words the index left out; a run of Chinese needs all its pairs; any other word
 * is itself.
 */
export function queryTerms(term: string): string[][] {
  if (CJK.test(term)) return processTerm(term).map((form) => [form]);
  const folded = indexForm(term);
  const joined = joinedForm(folded);
  return [joined === folded ? [folded] : [folded, joined]];
}

/** One word of a phrase or of the text it is looked for in: the parts it matches by, and its joined form. */
interface PhraseWord {
  parts: string[];
  joined: string;
}

/**
 * A word as a phrase sees it: a hyphenated or elided word by its parts (parts of one letter
 * left out: `Russia's` → russia), and by its joined form (e-mail → email).
 */
function phraseWord(word: string): PhraseWord {
  const form = indexForm(word);
  if (!/[-']/u.test(form)) return { parts: [form], joined: form };
  return { parts: form.split(/[-']/u).filter((part) => part.length > 1), joined: joinedForm(form) };
}

/**
 * True when `text` holds the phrase's words in a row, however their hyphens fall: each word
 * matches by its parts (`"state of the art"` finds "state-of-the-art", `"russia talks"`
 * finds "US-Russia talks") or by its joined form (`"e-mail filters"` finds "email filters",
 * `"email filters"` finds "e-mail filters").
 */
export function containsPhrase(text: string, phrase: readonly string[]): boolean {
  const wanted = phrase.flatMap((words) => findWords(words).map((span) => phraseWord(span.word)));
  if (wanted.length === 0) return false;
  // The text's parts in a row, and for each place where a word starts, the words that start there.
  const parts: string[] = [];
  const startingAt = new Map<number, { joined: string; length: number }[]>();
  for (const span of findWords(text)) {
    const word = phraseWord(span.word);
    const here = startingAt.get(parts.length);
    const entry = { joined: word.joined, length: word.parts.length };
    if (here) here.push(entry);
    else startingAt.set(parts.length, [entry]);
    parts.push(...word.parts);
  }
  const matchesFrom = (next: number, at: number): boolean => {
    if (next === wanted.length) return true;
    const word = wanted[next]!;
    if (word.parts.length > 0 && word.parts.every((part, i) => parts[at + i] === part) && matchesFrom(next + 1, at + word.parts.length)) return true;
    return (startingAt.get(at) ?? []).some((there) => there.joined === word.joined && matchesFrom(next + 1, at + there.length));
  };
  for (let at = 0; at <= parts.length; at++) if (matchesFrom(0, at)) return true;
  return false;
}

function bigrams(run: string): string[] {
  const chars = [...run];
  if (chars.length === 1) return chars;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) pairs.push(chars[i]! + chars[i + 1]!);
  return pairs;
}
