/**
 * Turning the articles a query matched into what a search answers: a page in the asked
 * order, and counts by tag, source and year over all of them. It runs where the query is
 * evaluated: in the search worker beside the index, or in the library's thread while the
 * index loads and only titles are searched.
 */
import type { SearchSort } from '../../../common/api';
import type { SearchFacets } from '../../../common/article';
import type { QueryNode } from '../../../common/query';
import { evaluateQuery, type EvaluationContext, type SortKeys } from './query-evaluator';
import type { FacetCache } from './facet-cache';
import type { ColumnFacets, FacetFields } from './search-record';
import { makeSnippet } from './snippet';

/**
 * The order of matches, as a comparison of document numbers: best first (newest first among
 * equals), or newest published or clipped first. `scores` is null when nothing was scored.
 */
export function docOrder(sort: SearchSort, keys: SortKeys, scores: Float64Array | null): (a: number, b: number) => number {
  const newest = (a: number, b: number) => {
    const x = keys.id(a)!;
    const y = keys.id(b)!;
    return x < y ? 1 : x > y ? -1 : 0;
  };
  if (sort === 'relevance' && scores) return (a, b) => scores[b]! - scores[a]! || newest(a, b);
  if (sort === 'relevance' || sort === 'clipped') return newest;
  // Articles without a publication date go last, newest clipped first among them.
  return (a, b) => {
    const x = keys.published(a) ?? '';
    const y = keys.published(b) ?? '';
    return x < y ? 1 : x > y ? -1 : newest(a, b);
  };
}

/**
 * The matches from `offset` to `offset + limit` in order. Every order is total (ids are
 * unique), so when the page is near the top it is picked out in one pass, keeping only the
 * best `offset + limit`, rather than sorting every match: the same page, for a fraction of
 * the work when a query matches most of the library. Matches stay document numbers: making an
 * object for each of the 1,000,000 an empty query matches took a third of its 1 s at first
 * and most of its collection after.
 */
export function pageOfDocs(docs: number[], order: (a: number, b: number) => number, offset: number, limit: number): number[] {
  const keep = offset + limit;
  if (keep <= 0) return [];
  if (keep * 8 >= docs.length) return docs.slice().sort(order).slice(offset, keep);
  const best: number[] = [];
  // From the last: documents are numbered as they were added, so the newest come last, and
  // in a newest-first order all but the first `keep` of them are then passed over with one
  // comparison each (from the first, each was newer than every one kept and was inserted:
  // 140 against 50 ms CPU for the first page of the empty query at 100,000).
  for (let at = docs.length - 1; at >= 0; at--) {
    const doc = docs[at]!;
    if (best.length === keep && order(doc, best[keep - 1]!) >= 0) continue;
    // Binary search for the first kept match that comes after this one.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(best[middle]!, doc) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, doc);
    if (best.length > keep) best.pop();
  }
  return best.slice(offset, keep);
}

/**
 * Facet keys as small integers: each tag level, source and year gets a number the first time
 * it is seen (its kind is the first character of its name), so that counting a result is
 * incrementing array cells rather than looking strings up in maps.
 */
const facetNames: string[] = [];
const facetNumbers = new Map<string, number>();
const TAG = 't';
const SOURCE = 's';
const YEAR = 'y';

function facetNumber(kind: string, key: string): number {
  const name = kind + key;
  let number = facetNumbers.get(name);
  if (number === undefined) {
    number = facetNames.length;
    facetNames.push(name);
    facetNumbers.set(name, number);
  }
  return number;
}

/**
 * A facet number by its key alone, for a kind with a map of its own: looking a source or a
 * year up this way spares the string that names it with its kind, made for each record (at
 * 1,000,000 records the names and their lookups were a third of counting them the first time).
 */
function numberOf(numbers: Map<string, number>, kind: string, key: string): number {
  let number = numbers.get(key);
  if (number === undefined) {
    number = facetNumber(kind, key);
    numbers.set(key, number);
  }
  return number;
}

/** A tag's facet numbers, its parents' first: a library has few distinct tags, each cut once. */
const tagFacets = new Map<string, readonly number[]>();
const sourceFacets = new Map<string, number>();
const yearFacets = new Map<string, number>();

function tagNumbers(tag: string): readonly number[] {
  let numbers = tagFacets.get(tag);
  if (numbers === undefined) {
    const parts = tag.split('/');
    numbers = parts.map((_, depth) => facetNumber(TAG, parts.slice(0, depth + 1).join('/')));
    tagFacets.set(tag, numbers);
  }
  return numbers;
}

/**
 * A publication date's year number, looked up by the whole date: a library has thousands of
 * days, not a million, and the snapshot's records share each date's string, so the lookup
 * spares cutting the year out of every record. With the facet fields read from the snapshot's
 * columns (facetFields) instead of whole records, the first page and facets of a million's
 * empty query went from 547–580 to 405–449 ms. Dates past DATES_KEPT distinct ones are cut
 * each time, as before.
 */
const yearsOfDates = new Map<string, number>();
const DATES_KEPT = 200_000;

function yearNumber(published: string): number {
  let number = yearsOfDates.get(published);
  if (number === undefined) {
    number = numberOf(yearFacets, YEAR, published.slice(0, 4));
    if (yearsOfDates.size < DATES_KEPT) yearsOfDates.set(published, number);
  }
  return number;
}

/** The facet numbers of a list of tags, parents included, each once. */
function tagListKeys(tags: readonly string[]): number[] {
  const keys: number[] = [];
  for (const tag of tags) {
    for (const number of tagNumbers(tag)) if (!keys.includes(number)) keys.push(number);
  }
  return keys;
}

/**
 * The facet numbers a record is counted under: its tags with their parents, its source, its
 * year of publication.
 */
function facetKeysOf(record: FacetFields): readonly number[] {
  const keys = tagListKeys(record.tags);
  if (record.source) keys.push(numberOf(sourceFacets, SOURCE, record.source));
  // By publication only, so that a year's count is what `published:YYYY` finds.
  if (record.published) keys.push(yearNumber(record.published));
  return keys;
}

/**
 * Counts a result set by tag (parents included), source and year, a match at a time. Each
 * list comes most frequent first, ties in alphabetical order (an object's keys that look
 * like numbers, the years, always come in ascending order).
 *
 * A document still as the snapshot stored it is counted by its dictionary numbers (its list
 * of tags, its source, its date: three increments), and what each number stands for is
 * counted once at the end; the others by their facet numbers, cached between searches. At
 * 1,000,000 articles the first empty query (page and facets, in the worker) took 0.40–0.50 s
 * counting by facet numbers, most of it working them out to fill the cache, and 0.21–0.22 s
 * by dictionary numbers (interleaved runs, the storage bench's library).
 */
class FacetCounter {
  private counts = new Uint32Array(Math.max(facetNames.length, 64));
  private readonly seen: number[] = [];
  /** The facet columns and each dictionary entry's count, when this result is counted by them. */
  private readonly byColumn: { facets: ColumnFacets; tagList: Uint32Array; source: Uint32Array; published: Uint32Array } | null;
  private folded = false;

  constructor(
    private readonly fields: (doc: number) => FacetFields | undefined,
    private readonly cache: FacetCache | undefined,
    columnar: ColumnFacets | null | undefined,
    matches: number,
  ) {
    const columns = columnar?.columns;
    // Folding goes through every dictionary entry, so it pays only for results that are large
    // beside the dictionaries (a library whose dates or sources mostly differ has none).
    this.byColumn =
      columns && matches * 4 >= columns.tagLists.length + columns.sources.length + columns.dates.length
        ? { facets: columnar, tagList: new Uint32Array(columns.tagLists.length), source: new Uint32Array(columns.sources.length), published: new Uint32Array(columns.dates.length) }
        : null;
  }

  /** Counts a live document: its record is asked for only when its facet numbers are neither in columns nor cached. */
  add(doc: number): void {
    const byColumn = this.byColumn;
    if (byColumn && byColumn.facets.covers(doc)) {
      const { columns } = byColumn.facets;
      byColumn.tagList[columns.tagList[doc]!]!++;
      byColumn.source[columns.source[doc]!]!++;
      byColumn.published[columns.published[doc]!]!++;
      return;
    }
    if (this.cache) this.cache.visit(doc, this.keysOf, this.count);
    else for (const key of this.keysOf(doc)) this.count(key);
  }

  private readonly keysOf = (doc: number): readonly number[] => facetKeysOf(this.fields(doc)!);

  private readonly count = (key: number, times = 1): void => {
    if (key >= this.counts.length) {
      const grown = new Uint32Array(Math.max(key + 1, this.counts.length * 2));
      grown.set(this.counts);
      this.counts = grown;
    }
    const before = this.counts[key]!;
    this.counts[key] = before + times;
    if (before === 0) this.seen.push(key);
  };

  /** Adds what the documents counted by column are counted under (once). */
  private foldColumns(): void {
    if (!this.byColumn || this.folded) return;
    this.folded = true;
    const { facets, tagList, source, published } = this.byColumn;
    const { columns } = facets;
    for (let at = 0; at < tagList.length; at++) {
      const times = tagList[at]!;
      if (times > 0) for (const key of tagListKeys(columns.tagLists[at]!)) this.count(key, times);
    }
    for (let at = 0; at < source.length; at++) {
      const value = columns.sources[at];
      if (source[at]! > 0 && value) this.count(numberOf(sourceFacets, SOURCE, value), source[at]!);
    }
    for (let at = 0; at < published.length; at++) {
      const value = columns.dates[at];
      if (published[at]! > 0 && value) this.count(yearNumber(value), published[at]!);
    }
  }

  result(): SearchFacets {
    this.foldColumns();
    const lists: Record<string, [string, number][]> = { [TAG]: [], [SOURCE]: [], [YEAR]: [] };
    for (const key of this.seen) {
      const name = facetNames[key]!;
      lists[name[0]!]!.push([name.slice(1), this.counts[key]!]);
    }
    return { tags: commonestFirst(lists[TAG]!), sources: commonestFirst(lists[SOURCE]!), years: commonestFirst(lists[YEAR]!) };
  }
}

function commonestFirst(counts: [string, number][]): Record<string, number> {
  return Object.fromEntries(counts.sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)));
}

/** A query to answer with a page: the parsed tree (null lists everything), the order and the page wanted. */
export interface PageRequest {
  query: QueryNode | null;
  sort: SearchSort;
  offset: number;
  limit: number;
  /** False to leave the snippets out (an export takes every match and needs none). */
  snippets?: boolean;
}

/** A page of matches by id, with the total, the facets over all matches, and the indexed words that matched. */
export interface PageAnswer {
  total: number;
  /** Each with its snippet around the matched words, or null when no word matched (the excerpt serves). */
  page: { id: string; score: number; snippet: string | null }[];
  facets: SearchFacets;
  matched: string[];
}

/**
 * Evaluates a query over numbered records and picks out the page asked for. The matches stay
 * document numbers for as long as possible, in one pass that drops removed records, counts
 * facets and, for the relevance order, keeps the best `offset + limit` scores; only the
 * matches scoring at least the lowest of those (ties included) are ordered, and only the page
 * becomes objects. Making a Match object for each of tens of thousands of matches, collecting
 * them, and going over them once per step cost about a third of a query's time at 100,000
 * (CPU profile of the bench's queries).
 */
export async function answerQuery(request: PageRequest, context: EvaluationContext): Promise<PageAnswer> {
  let docs: number[];
  let scores: Float64Array | null = null;
  let matched: string[] = [];
  if (request.query === null) {
    docs = [];
    for (let doc = 0; doc < context.count; doc++) docs.push(doc);
  } else {
    const evaluation = await evaluateQuery(request.query, context);
    matched = [...evaluation.matchedTerms];
    docs = evaluation.scores.docs();
    scores = evaluation.scores.scoreArray;
  }
  const keep = request.offset + request.limit;
  // The best `keep` scores so far, best first; most matches score below the last and cost one comparison.
  const best = request.sort === 'relevance' && scores !== null && keep > 0 && keep * 8 < docs.length ? new Float64Array(keep).fill(-Infinity) : null;
  const keys: SortKeys = context.keys ?? { id: (doc) => context.record(doc)?.id, published: (doc) => context.record(doc)?.published };
  const facets = new FacetCounter(context.facetFields ?? context.record, context.facetCache, context.columnFacets, docs.length);
  let live = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (keys.id(doc) === undefined) continue;
    docs[live++] = doc;
    facets.add(doc);
    if (best) {
      const score = scores![doc]!;
      if (score <= best[keep - 1]!) continue;
      let at = keep - 1;
      while (at > 0 && best[at - 1]! < score) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = score;
    }
  }
  docs.length = live;
  const lowest = best ? best[keep - 1]! : -Infinity;
  const candidates = best ? docs.filter((doc) => scores![doc]! >= lowest) : docs;
  const page = pageOfDocs(candidates, docOrder(request.sort, keys, scores), request.offset, request.limit);
  return {
    total: docs.length,
    // Snippets are cut where the texts are read: beside the index, off the window's thread.
    page: await Promise.all(
      page.map(async (doc) => ({ id: keys.id(doc)!, score: scores ? scores[doc]! : 0, snippet: matched.length > 0 && request.snippets !== false ? makeSnippet(await context.text(doc), matched) : null })),
    ),
    facets: facets.result(),
    matched,
  };
}
