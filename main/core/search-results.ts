/**
 * Turning the articles a query matched into what a search answers: a page in the asked
 * order, and counts by tag, source and year over all of them. It runs where the query is
 * evaluated: in the search worker beside the index, or in the library's thread while the
 * index loads and only titles are searched.
 */
import type { SearchSort } from '../../common/api';
import type { SearchFacets } from '../../common/article';
import type { QueryNode } from '../../common/query';
import type { ArticleRecord } from './article-record';
import { evaluateQuery, type EvaluationContext } from './query-evaluator';

/** What search needs of an article's catalog record: its filters, facets and sort keys. */
export type SearchRecord = Pick<ArticleRecord, 'id' | 'title' | 'source' | 'author' | 'lang' | 'url' | 'published' | 'clipped' | 'tags'>;

/** The search fields of a record, and nothing else (so that little crosses between threads). */
export function toSearchRecord(record: SearchRecord): SearchRecord {
  const { id, title, source, author, lang, url, published, clipped, tags } = record;
  return { id, title, source, author, lang, url, published, clipped, tags };
}

/** A matching article and its score. */
export type Match = { record: SearchRecord; score: number };

/** The order of matches: best first (newest first among equals), or newest published or clipped first. */
export function matchOrder(sort: SearchSort): (a: Match, b: Match) => number {
  const newest = (a: SearchRecord, b: SearchRecord) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  if (sort === 'relevance') return (a, b) => b.score - a.score || newest(a.record, b.record);
  if (sort === 'clipped') return (a, b) => newest(a.record, b.record);
  // Articles without a publication date go last, newest clipped first among them.
  return (a, b) => {
    const x = a.record.published ?? '';
    const y = b.record.published ?? '';
    return x < y ? 1 : x > y ? -1 : newest(a.record, b.record);
  };
}

/**
 * The matches from `offset` to `offset + limit` in order. Every order is total (ids are
 * unique), so when the page is near the top it is picked out in one pass, keeping only the
 * best `offset + limit`, rather than sorting every match: the same page, for a fraction of
 * the work when a query matches most of the library.
 */
export function pageOfMatches(matches: Match[], sort: SearchSort, offset: number, limit: number): Match[] {
  const order = matchOrder(sort);
  const keep = offset + limit;
  if (keep <= 0) return [];
  if (keep * 8 >= matches.length) return matches.sort(order).slice(offset, keep);
  const best: Match[] = [];
  for (const match of matches) {
    if (best.length === keep && order(match, best[keep - 1]!) >= 0) continue;
    // Binary search for the first kept match that comes after this one.
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(best[middle]!, match) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, match);
    if (best.length > keep) best.pop();
  }
  return best.slice(offset, keep);
}

/** Each record's tags with their parents, worked out once per record (records are never changed in place). */
const tagLevelsOf = new WeakMap<SearchRecord, readonly string[]>();

function tagLevels(record: SearchRecord): readonly string[] {
  let levels = tagLevelsOf.get(record);
  if (levels) return levels;
  const set = new Set<string>();
  for (const tag of record.tags) {
    const parts = tag.split('/');
    for (let depth = 1; depth <= parts.length; depth++) set.add(parts.slice(0, depth).join('/'));
  }
  levels = [...set];
  tagLevelsOf.set(record, levels);
  return levels;
}

/** Counts a result set by tag (parents included), source and year. */
export function countFacets(matches: Match[], order: (a: Match, b: Match) => number): SearchFacets {
  // Counted in any order; each key remembers the first match (in `order`) that has it, and
  // where in that match, so that the keys come out as if counted over the sorted matches.
  type Count = { count: number; first: Match; rank: number };
  const bump = (counts: Map<string, Count>, key: string, match: Match, rank: number) => {
    const entry = counts.get(key);
    if (!entry) counts.set(key, { count: 1, first: match, rank });
    else {
      entry.count++;
      if (order(match, entry.first) < 0) {
        entry.first = match;
        entry.rank = rank;
      }
    }
  };
  const tags = new Map<string, Count>();
  const sources = new Map<string, Count>();
  const years = new Map<string, Count>();
  for (const match of matches) {
    const { record } = match;
    const levels = tagLevels(record);
    for (let rank = 0; rank < levels.length; rank++) bump(tags, levels[rank]!, match, rank);
    if (record.source) bump(sources, record.source, match, 0);
    // By publication only, so that a year's count is what `published:YYYY` finds.
    if (record.published) bump(years, record.published.slice(0, 4), match, 0);
  }
  const ordered = (counts: Map<string, Count>): Record<string, number> => {
    const result: Record<string, number> = {};
    const entries = [...counts].sort(([, a], [, b]) => order(a.first, b.first) || a.rank - b.rank);
    for (const [key, { count }] of entries) result[key] = count;
    return result;
  };
  return { tags: ordered(tags), sources: ordered(sources), years: ordered(years) };
}


/** A query to answer with a page: the parsed tree (null lists everything), the order and the page wanted. */
export interface PageRequest {
  query: QueryNode | null;
  sort: SearchSort;
  offset: number;
  limit: number;
}

/** A page of matches by id, with the total, the facets over all matches, and the indexed words that matched. */
export interface PageAnswer {
  total: number;
  page: { id: string; score: number }[];
  facets: SearchFacets;
  matched: string[];
}

/** Evaluates a query over numbered records and picks out the page asked for. */
export async function answerQuery(request: PageRequest, context: EvaluationContext): Promise<PageAnswer> {
  const matches: Match[] = [];
  let matched: string[] = [];
  if (request.query === null) {
    for (let doc = 0; doc < context.count; doc++) {
      const record = context.record(doc);
      if (record) matches.push({ record, score: 0 });
    }
  } else {
    const evaluation = await evaluateQuery(request.query, context);
    matched = [...evaluation.matchedTerms];
    for (const [doc, score] of evaluation.scores) {
      const record = context.record(doc);
      if (record) matches.push({ record, score });
    }
  }
  const page = pageOfMatches(matches, request.sort, request.offset, request.limit);
  return {
    total: matches.length,
    page: page.map(({ record, score }) => ({ id: record.id, score })),
    facets: countFacets(matches, matchOrder(request.sort)),
    matched,
  };
}
