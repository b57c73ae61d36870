/**
 * Full-text search over titles and texts with MiniSearch. Words are cut and folded by
 * common/text.ts (the renderer highlights with the same rules): case and diacritics folded,
 * hyphenated words indexed whole and by their parts, stop words of the article's language
 * left out. The index lives in memory and is built from the library when first needed; it is
 * derived data and can always be rebuilt.
 */
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { findWords, indexForm } from '../../common/text';
import { isStopWordInAnyLanguage, stopWordsFor } from './stop-words';

/** What the index needs of an article. */
export interface IndexableArticle {
  id: string;
  title: string;
  text: string;
  source: string | null;
  author: string | null;
  /** The article's language, for its stop words; null when unknown. */
  lang: string | null;
}

/** One match from the index: the id, its score and which indexed terms matched. */
export interface IndexMatch {
  id: string;
  score: number;
  terms: string[];
}

/** One word to look up: as a prefix (`lavr*`), fuzzily (`lavrof~`), in some fields only. */
export interface TermQuery {
  text: string;
  prefix: boolean;
  fuzzy: boolean;
  /** Fields to look in (`['title']`); null for all. */
  fields: string[] | null;
}

/** The articles a TermQuery matched, as parallel lists, and the indexed words it matched. */
export interface TermMatches {
  ids: string[];
  /** A plain array, or a Float64Array when the answer came from the worker. */
  scores: ArrayLike<number>;
  matched: string[];
}

/**
 * The parts of MiniSearch that matchTerms uses beneath its public search(): the unsorted
 * results by internal document number, and the map from those numbers to ids. They are not
 * public API, so package.json pins MiniSearch's exact version, and
 * tests/main/core/search-speed.test.ts checks matchTerms against search().
 */
interface MiniSearchInternals {
  executeQuery(query: string, options: SearchOptions): Map<number, { score: number; terms: string[]; match: Record<string, string[]> }>;
  _documentIds: Map<number, unknown>;
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

/**
 * The stop words of the article being added. MiniSearch's processTerm sees only the term, and
 * `add` is synchronous, so SearchIndex.add sets this just before handing an article over.
 */
let stopWordsOfCurrentArticle: ReadonlySet<string> = stopWordsFor(null);

/**
 * processTerm for indexing: as processTerm, without the current article's stop words —
 * except in titles, which are short and where a name can be made of them (`The Who`).
 */
function processTermForIndex(term: string, field?: string): string[] | null {
  if (field === 'title') return processTerm(term);
  const terms = processTerm(term).filter((folded) => !stopWordsOfCurrentArticle.has(folded));
  return terms.length > 0 ? terms : null;
}

const OPTIONS: Options<IndexableArticle> = {
  fields: ['title', 'text', 'source', 'author'],
  idField: 'id',
  tokenize,
  processTerm: processTermForIndex,
  searchOptions: {
    processTerm,
    boost: { title: 3, source: 1.5, author: 1.5 },
    combineWith: 'AND',
  },
};

/** The full-text index of one library. */
export class SearchIndex {
  private constructor(private readonly index: MiniSearch<IndexableArticle>) {}

  /** A new, empty index. */
  static create(): SearchIndex {
    return new SearchIndex(new MiniSearch<IndexableArticle>(OPTIONS));
  }

  /** An index from what `toJSON` returned. Throws if it does not fit. */
  static fromJSON(json: unknown): SearchIndex {
    return new SearchIndex(MiniSearch.loadJS<IndexableArticle>(json as Parameters<typeof MiniSearch.loadJS>[0], OPTIONS));
  }

  /** A plain object to save; `fromJSON` reads it back. */
  toJSON(): unknown {
    return this.index.toJSON();
  }

  /** True when the article is indexed. */
  has(id: string): boolean {
    return this.index.has(id);
  }

  /** How many articles are indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  /** Adds an article, or replaces it if it is already indexed. */
  add(article: IndexableArticle): void {
    if (this.index.has(article.id)) this.index.discard(article.id);
    stopWordsOfCurrentArticle = stopWordsFor(article.lang);
    this.index.add(article);
  }

  /** Removes an article if it is indexed. */
  remove(id: string): void {
    if (this.index.has(id)) this.index.discard(id);
  }

  /**
   * Looks up each word on its own; the query evaluator combines the answers. The articles
   * come in no particular order (the evaluator orders what it keeps), which spares sorting
   * and building a result object for each of tens of thousands of matches; the matched words
   * come in the order MiniSearch's sorted results would give them.
   */
  matchTerms(queries: TermQuery[]): TermMatches[] {
    const internals = this.index as unknown as MiniSearchInternals;
    return queries.map((query) => {
      const raw = internals.executeQuery(query.text, {
        prefix: query.prefix,
        // MiniSearch reads a fraction as edits per character: 0.2 allows one edit in five.
        fuzzy: query.fuzzy ? 0.2 : false,
        ...(query.fields ? { fields: query.fields } : {}),
      });
      const ids = new Array<string>(raw.size);
      const scores = new Float64Array(raw.size);
      // Each matched word with the best result holding it: the first in score order (ties
      // keep MiniSearch's order) and its place among that result's words.
      const firstSeen = new Map<string, { score: number; result: number; place: number }>();
      let at = 0;
      for (const [docId, { score, terms, match }] of raw) {
        // As MiniSearch.search scores a result.
        const scored = score * (terms.length || 1);
        ids[at] = String(internals._documentIds.get(docId));
        scores[at] = scored;
        let place = 0;
        for (const term in match) {
          const seen = firstSeen.get(term);
          if (!seen) firstSeen.set(term, { score: scored, result: at, place });
          else if (scored > seen.score) {
            seen.score = scored;
            seen.result = at;
            seen.place = place;
          }
          place++;
        }
        at++;
      }
      const matched = [...firstSeen]
        .sort(([, a], [, b]) => b.score - a.score || a.result - b.result || a.place - b.place)
        .map(([term]) => term);
      return { ids, scores, matched };
    });
  }

  /**
   * Finds the articles that hold every word. The last word also matches as a prefix, so
   * results follow the user as they type (`lavr` finds Lavrov).
   */
  search(words: string[]): IndexMatch[] {
    const all = words.flatMap((word) => tokenize(word));
    // Stop words are not in the index; ANDing one would match nothing. A query made only of
    // stop words (`the who`) is searched as it is: some article may hold them as real words.
    const meaningful = all.filter((term) => !processTerm(term).every(isStopWordInAnyLanguage));
    const terms = meaningful.length > 0 ? meaningful : all;
    if (terms.length === 0) return [];
    const prefixFrom = terms.length - 1;
    return this.index
      .search(terms.join(' '), {
        prefix: (_term, index) => index >= prefixFrom,
      })
      .map((result) => ({ id: String(result.id), score: result.score, terms: result.terms }));
  }

}
