/**
 * Runs a parsed query (common/query.ts) against a library: free-text terms go to the search
 * engine in one round trip, phrases are checked word by word against the text, metadata
 * filters and dates are tested on the catalog records, and AND, OR and NOT combine the sets.
 */
import type { QueryNode } from '../../../common/query';
import { findWords } from '../../../common/text';
import { isTagUnder, tagKey } from '../../../common/tags';
import type { FacetCache } from './facet-cache';
import type { ColumnFacets, FacetFields, SearchRecord } from './search-record';
import { containsPhrase, processTerm, queryTerms, tokenize, type TermMatches, type TermQuery } from './search-terms';
import { DocScores } from './doc-scores';
import { isStopWordInAnyLanguage } from './stop-words';
import { yieldToOthers } from '../yield-to-others';

/**
 * What the evaluator needs of the articles it searches: numbered records (the search index's
 * document numbers in the worker, places in the catalog's list in the library's thread), so
 * that every set below is keyed by a small integer rather than a 26-character id.
 */
export interface EvaluationContext {
  /** How many document numbers there are; some may have no record (removed articles). */
  count: number;
  record(doc: number): SearchRecord | undefined;
  /**
   * A document's id (undefined once removed) and publication date, where they can be had
   * without making its record: ordering and counting the million matches of an empty query
   * made a record for each two or three times over (search-results.ts).
   */
  keys?: SortKeys;
  /** What a document is counted under in facets, where that can be had without making its record. */
  facetFields?: (doc: number) => FacetFields | undefined;
  /** The facet fields of the documents still as stored, as dictionary numbers, where the index keeps them so. */
  columnFacets?: ColumnFacets | null;
  /** Runs several term queries at once. */
  matchTerms(queries: TermQuery[]): TermMatches[] | Promise<TermMatches[]>;
  /** The article's plain text, for checking phrases. */
  text(doc: number): Promise<string>;
  /** Where each document's facet numbers are kept between searches, if anywhere. */
  facetCache?: FacetCache;
}

/** The articles a query matched (by document number), each with its score, and the indexed words that matched. */
export interface Evaluation {
  scores: DocScores;
  /** Indexed words that matched, for snippets and highlighting. */
  matchedTerms: Set<string>;
}

/** What the orders of a page compare (search-results.ts docOrder). */
export interface SortKeys {
  id(doc: number): string | undefined;
  published(doc: number): string | null | undefined;
}

type Predicate = (record: SearchRecord) => boolean;

/**
 * How many articles a loop goes through before letting the thread go for a moment: over a
 * library of 100,000 a query is then never one long stretch that holds the thread up.
 */
const SLICE = 16_384;

/** Evaluates a query tree. */
export async function evaluateQuery(node: QueryNode, context: EvaluationContext): Promise<Evaluation> {
  // Every free-text word in the tree goes to the engine at once.
  const queries: TermQuery[] = [];
  const slots = new Map<object, number[]>();
  collectTerms(node, queries, slots);
  const answers = queries.length > 0 ? await context.matchTerms(queries) : [];
  const matchedTerms = new Set<string>();
  const evaluator = new Evaluator(context, answers, slots, matchedTerms);
  const scores = await evaluator.evaluate(node);
  return { scores, matchedTerms };
}

/**
 * Returns the query with its last free-text word also matching as a prefix, the way search
 * follows the user as they type (`lavr` finds Lavrov). Words under a negation, phrases and
 * field filters are left as they are.
 */
export function withTypingPrefix(node: QueryNode): QueryNode {
  let done = false;
  const visit = (current: QueryNode): QueryNode => {
    if (done) return current;
    switch (current.kind) {
      case 'term':
        done = true;
        return current.fuzzy || current.field !== null ? current : { ...current, prefix: true };
      case 'and':
      case 'or':
        return { ...current, children: [...current.children].reverse().map(visit).reverse() };
      default:
        return current;
    }
  };
  return visit(node);
}

/** The words of every title of a list of records, for matchTitles, as far as they are cut yet. */
const titleWordsOf = new WeakMap<readonly SearchRecord[], string[][]>();

/**
 * Answers term queries from titles alone, without the index: what search can do while the
 * index is still loading. Slower per query, but needs nothing but the catalog. The titles are
 * cut into words once (the catalog hands out the same list until a record changes) and every
 * loop lets the thread go each SLICE records: at 1,000,000 titles, cutting them all took
 * seconds and one pass over them for a query some 100 ms, which in one piece would hold up
 * everything else the main process does.
 */
export async function matchTitles(records: readonly SearchRecord[], queries: TermQuery[]): Promise<TermMatches[]> {
  let titles = titleWordsOf.get(records);
  if (!titles) {
    titles = [];
    titleWordsOf.set(records, titles);
  }
  while (titles.length < records.length) {
    const end = Math.min(records.length, titles.length + SLICE);
    for (let doc = titles.length; doc < end; doc++) titles.push(findWords(records[doc]!.title).flatMap((span) => processTerm(span.word)));
    if (end < records.length) await yieldToOthers();
  }
  const answers: TermMatches[] = [];
  for (const query of queries) {
    const forms = queryTerms(query.text).flat();
    const docs: number[] = [];
    const scores: number[] = [];
    const matched = new Set<string>();
    for (let doc = 0; doc < titles.length; doc++) {
      if (doc > 0 && doc % SLICE === 0) await yieldToOthers();
      const hits = titles[doc]!.filter((word) => forms.some((form) => (query.prefix ? word.startsWith(form) : word === form)));
      if (hits.length === 0) continue;
      docs.push(doc);
      scores.push(hits.length);
      for (const hit of hits) matched.add(hit);
    }
    answers.push({ docs, scores, matched: [...matched] });
  }
  return answers;
}

/** A word's index forms, as processTerm makes them from the query's tokens. */
function wordsOf(text: string): string[] {
  return tokenize(text);
}

/** True for a term that the index leaves out of texts (a stop word in some language). */
function isStopTerm(node: QueryNode): boolean {
  return node.kind === 'term' && !node.prefix && !node.fuzzy && wordsOf(node.text).every((word) => queryTerms(word).flat().every(isStopWordInAnyLanguage));
}

function collectTerms(node: QueryNode, queries: TermQuery[], slots: Map<object, number[]>): void {
  const add = (owner: object, text: string, prefix: boolean, fuzzy: boolean, field: string | null) => {
    const indexes: number[] = slots.get(owner) ?? [];
    for (const word of wordsOf(text)) {
      indexes.push(queries.length);
      queries.push({ text: word, prefix, fuzzy, fields: field ? [field] : null });
    }
    slots.set(owner, indexes);
  };
  switch (node.kind) {
    case 'term':
      add(node, node.text, node.prefix, node.fuzzy, node.field);
      break;
    case 'phrase': {
      // The index leaves stop words out of texts: a phrase's articles are those with its other
      // words, and the text is then read for the whole phrase, stop words and all.
      const words = node.words.flatMap(wordsOf);
      const meaningful = words.filter((word) => !queryTerms(word).flat().every(isStopWordInAnyLanguage));
      for (const word of meaningful.length > 0 ? meaningful : words) add(node, word, false, false, node.field);
      break;
    }
    case 'and':
    case 'or':
      for (const child of node.children) collectTerms(child, queries, slots);
      break;
    case 'not':
      collectTerms(node.child, queries, slots);
      break;
    case 'filter':
    case 'date':
    case 'has':
      break;
  }
}

class Evaluator {
  constructor(
    private readonly context: EvaluationContext,
    private readonly answers: TermMatches[],
    private readonly slots: Map<object, number[]>,
    private readonly matchedTerms: Set<string>,
  ) {}

  /**
   * The matching articles of a node, with scores. `positive` is false under a negation:
   * what matched there is excluded, so it is not noted for highlighting.
   */
  async evaluate(node: QueryNode, positive = true): Promise<DocScores> {
    switch (node.kind) {
      case 'term':
        return await this.termSet(node, positive);
      case 'phrase':
        return this.phraseSet(node, positive);
      case 'filter':
      case 'date':
      case 'has':
        return await this.allWhere(predicateOf(node)!);
      case 'not': {
        const excluded = await this.evaluate(node.child, !positive);
        return await this.allWhere((_record, doc) => !excluded.has(doc));
      }
      case 'or': {
        const union = new DocScores(this.context.count);
        for (const child of node.children) {
          (await this.evaluate(child, positive)).forEach((score, doc) => union.set(doc, (union.get(doc) ?? 0) + score));
        }
        return union;
      }
      case 'and':
        return this.andSet(node.children, positive);
    }
  }

  /**
   * AND: intersect the children that search the text, then keep what the metadata filters
   * allow and drop what the negations match. Stop words are left out unless there is
   * nothing else, as the index leaves them out of texts.
   */
  private async andSet(children: QueryNode[], positive: boolean): Promise<DocScores> {
    const meaningful = children.filter((child) => !isStopTerm(child));
    const parts = meaningful.length > 0 ? meaningful : children;
    const predicates: Predicate[] = [];
    const negations: QueryNode[] = [];
    const searches: QueryNode[] = [];
    for (const child of parts) {
      const predicate = predicateOf(child);
      if (predicate) predicates.push(predicate);
      else if (child.kind === 'not') negations.push(child.child);
      else searches.push(child);
    }
    const allowed = (record: SearchRecord | undefined) => record !== undefined && predicates.every((test) => test(record));

    let result: DocScores;
    if (searches.length === 0) {
      result = await this.allWhere(allowed);
    } else {
      const sets = await Promise.all(searches.map((child) => this.evaluate(child, positive)));
      sets.sort((a, b) => a.size - b.size);
      result = new DocScores(this.context.count);
      const others = sets.slice(1);
      let step = 0;
      const first = sets[0]!;
      for (const doc of first.docs()) {
        if (++step % SLICE === 0) await yieldToOthers();
        let total = first.score(doc);
        let inAll = true;
        for (const other of others) {
          const more = other.get(doc);
          if (more === undefined) {
            inAll = false;
            break;
          }
          total += more;
        }
        if (inAll && allowed(this.context.record(doc))) result.set(doc, total);
      }
    }
    for (const negation of negations) {
      const excluded = await this.evaluate(negation, !positive);
      for (const doc of excluded.docs()) result.delete(doc);
    }
    return result;
  }

  /** A term's articles: every word of it (a term can hold several, `10:00`) must match. */
  private async termSet(node: object, noteMatches: boolean): Promise<DocScores> {
    const indexes = this.slots.get(node) ?? [];
    let result: DocScores | null = null;
    for (const index of indexes) {
      const answer = this.answers[index]!;
      if (noteMatches) for (const term of answer.matched) this.matchedTerms.add(term);
      const current = new DocScores(this.context.count);
      for (let i = 0; i < answer.docs.length; i++) {
        if (i % SLICE === SLICE - 1) await yieldToOthers();
        const doc = answer.docs[i]!;
        if (result === null || result.has(doc)) current.set(doc, (result?.get(doc) ?? 0) + answer.scores[i]!);
      }
      result = current;
    }
    return result ?? new DocScores(this.context.count);
  }

  /** A phrase's articles: all its words, then checked in order in the text (or title). */
  private async phraseSet(node: Extract<QueryNode, { kind: 'phrase' }>, positive: boolean): Promise<DocScores> {
    const candidates = await this.termSet(node, positive);
    // One word is its own phrase: the index has answered it.
    if (node.words.flatMap(wordsOf).length < 2) return candidates;
    const result = new DocScores(this.context.count);
    for (const doc of candidates.docs()) {
      const score = candidates.score(doc);
      const record = this.context.record(doc);
      if (!record) continue;
      const haystacks =
        node.field === 'title' ? [record.title] : node.field === 'source' ? [record.source ?? ''] : node.field === 'author' ? [record.author ?? ''] : [record.title, await this.context.text(doc)];
      if (haystacks.some((text) => containsPhrase(text, node.words))) result.set(doc, score);
    }
    return result;
  }

  private async allWhere(test: (record: SearchRecord, doc: number) => boolean): Promise<DocScores> {
    const result = new DocScores(this.context.count);
    for (let doc = 0; doc < this.context.count; doc++) {
      if (doc % SLICE === SLICE - 1) await yieldToOthers();
      const record = this.context.record(doc);
      if (record && test(record, doc)) result.set(doc, 0);
    }
    return result;
  }
}

/**
 * The test a node makes of a record, when it is about metadata only (filters, dates, and
 * AND/OR/NOT of them); null when it searches the text.
 */
export function predicateOf(node: QueryNode): Predicate | null {
  switch (node.kind) {
    case 'filter': {
      const value = node.value.toLocaleLowerCase('und');
      switch (node.field) {
        case 'tag': {
          const key = tagKey(node.value.trim());
          // A library has few distinct tags and a test runs over every record: each tag's
          // answer is worked out once.
          const answers = new Map<string, boolean>();
          const matches = (tag: string) => {
            let answer = answers.get(tag);
            if (answer === undefined) {
              answer = isTagUnder(tag, key);
              answers.set(tag, answer);
            }
            return answer;
          };
          return (record) => record.tags.some(matches);
        }
        case 'lang':
          return (record) => record.lang !== null && (record.lang.toLowerCase() === value || record.lang.toLowerCase().startsWith(`${value}-`));
        case 'url':
          return (record) => record.url !== null && record.url.toLowerCase().includes(value);
        case 'source':
          return (record) => record.source !== null && record.source.toLocaleLowerCase('und').includes(value);
        case 'author':
          return (record) => record.author !== null && record.author.toLocaleLowerCase('und').includes(value);
      }
      return null;
    }
    case 'date':
      return (record) => {
        const value = node.field === 'published' ? record.published : record.clipped;
        if (!value) return false;
        const day = value.slice(0, 10);
        return (node.from === null || day >= node.from) && (node.to === null || day <= node.to);
      };
    case 'has':
      return node.what === 'notes' ? (record) => Boolean(record.note) : (record) => (record.highlights?.length ?? 0) > 0;
    case 'not': {
      const inner = predicateOf(node.child);
      return inner ? (record) => !inner(record) : null;
    }
    case 'and':
    case 'or': {
      const inner = node.children.map(predicateOf);
      if (inner.some((test) => test === null)) return null;
      const tests = inner as Predicate[];
      return node.kind === 'and' ? (record) => tests.every((test) => test(record)) : (record) => tests.some((test) => test(record));
    }
    default:
      return null;
  }
}
