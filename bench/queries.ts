/**
 * The benchmark's fixed queries, of the kinds people type: single words (common and rare),
 * several words, prefixes while typing, names, numbers, and tag filters. Each has the same
 * meaning for Cuttings and for SQLite FTS5.
 */
export interface BenchQuery {
  cuttings: string;
  fts5: string;
  /** A tag filter, applied by FTS5 in SQL. */
  tag?: string;
}

const WORDS = [
  'government', 'election', 'profits', 'film', 'music', 'mobile', 'software', 'champion', 'minister', 'economy',
  'shares', 'court', 'growth', 'internet', 'album', 'injury', 'budget', 'oil', 'bank', 'award',
];
const PAIRS = [
  'prime minister', 'interest rates', 'world cup', 'box office', 'chancellor budget', 'broadband internet',
  'oil prices', 'labour election', 'champions league', 'video games', 'record label', 'stock market',
];
const PREFIXES = ['gov', 'elect', 'musi', 'tech', 'footb', 'econ', 'minist', 'compan'];
const NAMES = ['blair', 'brown', 'microsoft', 'google', 'chelsea', 'arsenal', 'oscar', 'yukos'];
const TAGGED: [string, string][] = [['profits', 'business'], ['film', 'entertainment'], ['election', 'politics'], ['match', 'sport'], ['phone', 'tech']];

/** At least 50 queries. */
export const BENCH_QUERIES: BenchQuery[] = [
  ...WORDS.map((word) => ({ cuttings: word, fts5: word })),
  ...PAIRS.map((pair) => ({ cuttings: pair, fts5: pair })),
  ...PREFIXES.map((prefix) => ({ cuttings: prefix, fts5: `${prefix}*` })),
  ...NAMES.map((name) => ({ cuttings: name, fts5: name })),
  ...TAGGED.map(([word, tag]) => ({ cuttings: `${word} tag:${tag}`, fts5: word, tag })),
];
