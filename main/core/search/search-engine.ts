/**
 * Where the search index runs. The library talks to a SearchEngine, whose every call is
 * asynchronous, so that the index can live in this thread (the CLI, tests) or in a worker
 * thread (the app: indexing 100,000 articles must never block a window) with the same code
 * above it. The in-process engine is also what the worker runs.
 */
import { loadSnapshot, saveSnapshot, type LoadedSnapshot } from './search-snapshot';
import { coverageBehind, type CompactCoverage, type CoverageBehind } from './snapshot-coverage';
import { SearchIndex, type IndexableArticle } from './search-index';
import type { SearchRecord } from './search-record';
import { answerQuery, type PageAnswer, type PageRequest } from './search-results';
import { readCaptureSync } from '../storage/captures';
import { withNoteMatches } from '../notes/note-search';
import { OneAtATime } from '../../../common/one-at-a-time';

export { compactCoverage, expandCoverage, shardCoverage, type CompactCoverage, type CoverageBehind, type SnapshotCoverage } from './snapshot-coverage';

/** The operations of a search index, wherever it runs. */
export interface SearchEngine {
  /**
   * Starts reading the library's snapshot before the catalog says what it should cover: the
   * load that follows for the same library takes what was read. Opening a library does it as
   * soon as the catalog is read, in the worker, so that the rest of opening overlaps it.
   */
  preload(root: string): Promise<void>;
  /**
   * Loads the library's snapshot; resolves to what it lacks of the catalog whose shards are at
   * the change numbers `current` (coverage-behind), or null when there is none (then the index is empty).
   */
  load(root: string, current: Record<string, number>): Promise<CoverageBehind | null>;
  /** Empties the index. */
  reset(): Promise<void>;
  /** Adds articles, replacing any already indexed under the same id. */
  add(articles: IndexableArticle[]): Promise<void>;
  /** Adds stored articles, reading each one's text from its capture in the library at `root`. */
  addStored(root: string, records: SearchRecord[]): Promise<void>;
  remove(ids: string[]): Promise<void>;
  /** Replaces the search fields (tags, say) of indexed articles; ids not indexed are ignored. */
  updateRecords(records: SearchRecord[]): Promise<void>;
  /** Answers a query with a page of matches, reading texts from the library at `root` to check phrases. */
  search(root: string, request: PageRequest): Promise<PageAnswer>;
  /** Saves the index as the library's snapshot, recording what it covers. */
  save(root: string, coverage: CompactCoverage): Promise<void>;
  size(): Promise<number>;
  /** Frees the engine (ends its worker). */
  close(): Promise<void>;
}

/** A search engine in the calling thread. */
export class InProcessSearchEngine implements SearchEngine {
  private index = SearchIndex.create();
  /**
   * The calls in the order they came, each run once the one before has finished. Saving reads
   * the index's postings a word at a time across many awaits and then moves the index onto
   * the new file, numbering its documents anew, and a search holds document numbers across
   * its own awaits: one at a time, nothing sees an index halfway through another call.
   */
  private readonly turns = new OneAtATime();
  /** A snapshot preload read, until load takes it. */
  private preloaded: { root: string; snapshot: LoadedSnapshot | null } | null = null;

  preload(root: string): Promise<void> {
    return this.turns.run(async () => {
      this.dropPreloaded();
      this.preloaded = { root, snapshot: await loadSnapshot(root) };
    });
  }

  load(root: string, current: Record<string, number>): Promise<CoverageBehind | null> {
    return this.turns.run(async () => {
      const preloaded = this.preloaded?.root === root ? this.preloaded : null;
      if (preloaded) this.preloaded = null;
      const snapshot = preloaded ? preloaded.snapshot : await loadSnapshot(root);
      this.replaceIndex(snapshot?.index ?? SearchIndex.create());
      return snapshot ? coverageBehind(snapshot.coverage, current) : null;
    });
  }

  reset(): Promise<void> {
    return this.turns.run(async () => {
      this.dropPreloaded();
      this.replaceIndex(SearchIndex.create());
    });
  }

  /** Lets a preloaded snapshot that no load took go, with its file. */
  private dropPreloaded(): void {
    this.preloaded?.snapshot?.index.close();
    this.preloaded = null;
  }

  /** Uses another index, letting the old one's snapshot file go. */
  private replaceIndex(index: SearchIndex): void {
    this.index.close();
    this.index = index;
  }

  add(articles: IndexableArticle[]): Promise<void> {
    return this.turns.run(async () => {
      for (const article of articles) this.index.add(article);
    });
  }

  addStored(root: string, records: SearchRecord[]): Promise<void> {
    return this.turns.run(async () => {
      for (const record of records) this.index.add({ ...record, text: readCaptureSync(root, record.id).content.text });
    });
  }

  remove(ids: string[]): Promise<void> {
    return this.turns.run(async () => {
      for (const id of ids) this.index.remove(id);
    });
  }

  updateRecords(records: SearchRecord[]): Promise<void> {
    return this.turns.run(async () => {
      for (const record of records) this.index.updateRecord(record);
    });
  }

  search(root: string, request: PageRequest): Promise<PageAnswer> {
    return this.turns.run(async () => {
      const index = this.index;
      return answerQuery(request, {
        count: index.documentCount,
        record: (doc) => index.record(doc),
        keys: index.keys,
        facetFields: index.facetFields,
        columnFacets: index.columnFacets(),
        matchTerms: withNoteMatches((queries) => index.matchTerms(queries), () => index.documentCount, (doc) => index.record(doc), () => index.annotatedDocs()),
        // Read at once: this runs in the search worker (or the CLI), never on a window's thread.
        text: async (doc) => readCaptureSync(root, index.record(doc)!.id).content.text,
        facetCache: index.facetCache,
      });
    });
  }

  save(root: string, coverage: CompactCoverage): Promise<void> {
    return this.turns.run(() => saveSnapshot(root, this.index, coverage));
  }

  size(): Promise<number> {
    return this.turns.run(async () => this.index.size);
  }

  close(): Promise<void> {
    return this.turns.run(async () => {
      this.dropPreloaded();
      this.index.close();
    });
  }
}
