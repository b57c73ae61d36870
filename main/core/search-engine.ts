/**
 * Where the search index runs. The library talks to a SearchEngine, whose every call is
 * asynchronous, so that the index can live in this thread (the CLI, tests) or in a worker
 * thread (the app: indexing 100,000 articles must never block a window) with the same code
 * above it. The in-process engine is also what the worker runs.
 */
import { loadSnapshot, saveSnapshot, type SnapshotCoverage } from './search-snapshot';
import { SearchIndex, type IndexableArticle, type TermMatches, type TermQuery } from './search-index';

export type { SnapshotCoverage } from './search-snapshot';

/**
 * A SnapshotCoverage in few, flat pieces, so that handing it between threads is one copy of
 * a few hundred strings rather than a structured clone of an object with an entry per
 * article: for each shard, its ids and their signatures, each joined by newlines.
 */
export interface CompactCoverage {
  shardVersions: Record<string, number>;
  shards: string[];
  /** For shards[i], its indexed ids joined by '\n'. */
  ids: string[];
  /** For shards[i], the signature of each of its ids, in the same order, joined by '\n'. */
  signatures: string[];
}

/** The compact form of a coverage. */
export function compactCoverage(coverage: SnapshotCoverage): CompactCoverage {
  const shards = Object.keys(coverage.indexed);
  return {
    shardVersions: coverage.shardVersions,
    shards,
    ids: shards.map((shard) => Object.keys(coverage.indexed[shard]!).join('\n')),
    signatures: shards.map((shard) => Object.values(coverage.indexed[shard]!).join('\n')),
  };
}

/** One shard's ids and signatures from a compact coverage, as an object; empty if it has none. */
export function shardCoverage(coverage: CompactCoverage, shard: string): Record<string, string> {
  const at = coverage.shards.indexOf(shard);
  const result: Record<string, string> = {};
  if (at < 0 || coverage.ids[at] === '') return result;
  const ids = coverage.ids[at]!.split('\n');
  const signatures = coverage.signatures[at]!.split('\n');
  for (let i = 0; i < ids.length; i++) result[ids[i]!] = signatures[i]!;
  return result;
}

/** The full form of a compact coverage. */
export function expandCoverage(coverage: CompactCoverage): SnapshotCoverage {
  const indexed: Record<string, Record<string, string>> = {};
  for (const shard of coverage.shards) indexed[shard] = shardCoverage(coverage, shard);
  return { shardVersions: coverage.shardVersions, indexed };
}

/** The operations of a search index, wherever it runs. */
export interface SearchEngine {
  /** Loads the library's snapshot; resolves to what it covers, or null (then the index is empty). */
  load(root: string): Promise<CompactCoverage | null>;
  /** Empties the index. */
  reset(): Promise<void>;
  /** Adds articles, replacing any already indexed under the same id. */
  add(articles: IndexableArticle[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Looks up several words at once, each on its own (see SearchIndex.matchTerms). */
  matchTerms(queries: TermQuery[]): Promise<TermMatches[]>;
  /** Saves the index as the library's snapshot, recording what it covers. */
  save(root: string, coverage: CompactCoverage): Promise<void>;
  size(): Promise<number>;
  /** Frees the engine (ends its worker). */
  close(): Promise<void>;
}

/** A search engine in the calling thread. */
export class InProcessSearchEngine implements SearchEngine {
  private index = SearchIndex.create();

  async load(root: string): Promise<CompactCoverage | null> {
    const snapshot = await loadSnapshot(root);
    if (!snapshot) {
      this.index = SearchIndex.create();
      return null;
    }
    this.index = snapshot.index;
    return compactCoverage(snapshot.coverage);
  }

  async reset(): Promise<void> {
    this.index = SearchIndex.create();
  }

  async add(articles: IndexableArticle[]): Promise<void> {
    for (const article of articles) this.index.add(article);
  }

  async remove(ids: string[]): Promise<void> {
    for (const id of ids) this.index.remove(id);
  }

  async matchTerms(queries: TermQuery[]): Promise<TermMatches[]> {
    return this.index.matchTerms(queries);
  }

  async save(root: string, coverage: CompactCoverage): Promise<void> {
    await saveSnapshot(root, this.index, expandCoverage(coverage));
  }

  async size(): Promise<number> {
    return this.index.size;
  }

  async close(): Promise<void> {}
}
