/**
 * Keeps a library's search index in step with its catalog. The index is loaded from its
 * snapshot when first needed (or built from the captures when there is none), caught up
 * with the catalog shards that changed since, told of every article added, and saved again
 * when the library closes. The index itself sits behind a SearchEngine, in this thread or in
 * a worker.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { SearchStatus } from '../../../common/api';
import { shardCoverage, type CompactCoverage, type SearchEngine } from './search-engine';
import type { IndexableArticle } from './search-index';
import { toSearchRecord, type SearchRecord } from './search-record';
import type { PageAnswer, PageRequest } from './search-results';
import type { Catalog } from '../storage/catalog';
import { yieldToOthers } from '../yield-to-others';

/** How many articles go to the engine in one message while building. */
const BATCH = 250;
/** How many records get their signature computed before the thread is let go for a moment. */
const SIGNATURE_SLICE = 2000;

/** The search index of one library. */
export class SearchService {
  private ready: Promise<void> | null = null;
  private loaded = false;
  private progress = { done: 0, total: 0 };
  private dirty = false;
  /**
   * Articles handed to the engine but perhaps not indexed yet. Adding does not wait for the
   * engine, so that a bulk import writes its next batch while the worker indexes this one;
   * searches and saves wait for it.
   */
  private indexing: Promise<void> = Promise.resolve();
  /** How many articles handed over by added() are not indexed yet, and who waits for fewer. */
  private backlog = 0;
  private readonly backlogWaiters: { limit: number; resolve: () => void }[] = [];

  constructor(
    private readonly root: string,
    private readonly engine: SearchEngine,
    private readonly catalog: Catalog,
  ) {}

  /** Whether the index is loaded, loading (and how far), or not asked for yet. */
  status(): SearchStatus {
    const state = this.ready === null ? 'idle' : this.loaded ? 'ready' : 'loading';
    return { state, ...this.progress };
  }

  /** Loads or builds the index if that has not happened yet. */
  ensureReady(onProgress?: (done: number, total: number) => void): Promise<void> {
    if (this.ready) return this.ready;
    this.loaded = false;
    const report = (done: number, total: number) => {
      this.progress = { done, total };
      onProgress?.(done, total);
    };
    this.ready = this.loadOrBuild(report).then(
      () => {
        this.loaded = true;
      },
      (error: unknown) => {
        this.ready = null;
        throw error;
      },
    );
    return this.ready;
  }

  /** Answers a query with a page of matches, loading the index first if needed. */
  async search(request: PageRequest): Promise<PageAnswer> {
    await this.ensureReady();
    await this.indexing;
    return this.engine.search(this.root, request);
  }

  /**
   * Hands newly stored articles to the index, if it is loaded (otherwise the catch-up at
   * load finds them). Returns without waiting for the engine.
   */
  added(articles: { record: ArticleRecord; text: string }[]): void {
    if (!this.ready) return;
    this.afterReady(async () => {
      for (let i = 0; i < articles.length; i += BATCH) {
        await this.engine.add(articles.slice(i, i + BATCH).map(({ record, text }) => indexable(record, text)));
      }
    });
    // The chain never rejects (afterReady catches): the articles leave the backlog either way.
    const count = articles.length;
    this.backlog += count;
    void this.indexing.then(() => {
      this.backlog -= count;
      for (let i = this.backlogWaiters.length - 1; i >= 0; i--) {
        if (this.backlog <= this.backlogWaiters[i]!.limit) this.backlogWaiters.splice(i, 1)[0]!.resolve();
      }
    });
  }

  /**
   * Resolves once at most `limit` articles handed over by added() wait to be indexed. A bulk
   * import waits on it after each batch: the articles waiting (their texts with them) stay
   * in this thread's heap until the engine has them, and an import faster than the index
   * piled up thousands more with every batch (4,500 texts, 12 MB, still waiting after an
   * import of 20,000; proportionally more at a million).
   */
  caughtUpTo(limit: number): Promise<void> {
    if (this.backlog <= limit) return Promise.resolve();
    return new Promise((resolve) => this.backlogWaiters.push({ limit, resolve }));
  }

  /**
   * Takes deleted articles out of the index, if it is loaded (otherwise the catch-up at load
   * drops them). Returns without waiting for the engine.
   */
  removed(ids: string[]): void {
    this.afterReady(() => this.engine.remove(ids));
  }

  /**
   * Hands the index the new catalog fields of records whose text did not change (their tags,
   * say), so that filters and facets see them at once.
   */
  catalogChanged(records: SearchRecord[]): void {
    if (!this.ready) return;
    const changed = records.map(toSearchRecord);
    this.afterReady(() => this.engine.updateRecords(changed));
  }

  /**
   * Queues a change to a loaded index behind the ones before it (nothing when it is not
   * loaded: the catch-up at load finds the change in the catalog). A change that fails
   * forgets the index: the library is stored, only the index missed it, and loading it
   * again catches up from the catalog rather than fail every search from now on.
   */
  private afterReady(change: () => Promise<void>): void {
    const ready = this.ready;
    if (!ready) return;
    this.dirty = true;
    this.indexing = this.indexing
      .then(async () => {
        await ready;
        await change();
      })
      .catch(() => {
        this.ready = null;
      });
  }

  /** Throws the index away and builds it again from every capture. */
  async rebuild(onProgress?: (done: number, total: number) => void): Promise<number> {
    await this.indexing;
    this.loaded = false;
    this.ready = this.build(onProgress).then(() => {
      this.loaded = true;
    });
    await this.ready;
    return this.engine.size();
  }

  /** Saves the index as the library's snapshot if it changed since it was loaded. */
  async saveIfChanged(): Promise<void> {
    if (!this.ready || !this.dirty) return;
    await this.ready;
    await this.indexing;
    // Cleared first: a change that arrives while the coverage is computed or the snapshot
    // written marks the index changed again rather than being forgotten.
    this.dirty = false;
    try {
      await this.engine.save(this.root, await this.coverage());
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }

  /** Ends the engine. */
  close(): Promise<void> {
    return this.engine.close();
  }

  /**
   * What the index covers, computed a slice at a time so that a library of 100,000 articles
   * does not hold this thread up, from the shards as they were when it began (they are never
   * changed in place). An article added meanwhile is left out, and its shard's change number
   * with it, so the next load catches up with it.
   */
  private async coverage(): Promise<CompactCoverage> {
    await this.catalog.loadAll();
    const contents = this.catalog.shardContents();
    const coverage: CompactCoverage = { shardVersions: {}, shards: [], ids: [], signatures: [] };
    let sinceYield = 0;
    for (const [shard, data] of contents) {
      const ids = Object.keys(data.articles);
      const signatures = new Array<string>(ids.length);
      for (let i = 0; i < ids.length; i++) signatures[i] = indexSignature(data.articles[ids[i]!]!);
      coverage.shardVersions[shard] = data.changeNumber;
      coverage.shards.push(shard);
      coverage.ids.push(ids.join('\n'));
      coverage.signatures.push(signatures.join('\n'));
      sinceYield += ids.length;
      if (sinceYield >= SIGNATURE_SLICE) {
        sinceYield = 0;
        await yieldToOthers();
      }
    }
    return coverage;
  }

  private async loadOrBuild(onProgress: (done: number, total: number) => void): Promise<void> {
    onProgress(0, this.catalog.size);
    const loaded = await this.engine.load(this.root, this.catalog.shardVersions());
    if (!loaded) return this.build(onProgress);
    // In the shards whose change number moved since the snapshot was saved, re-index the
    // articles whose indexed fields changed, add the new and drop the removed.
    const { behind, coverage } = loaded;
    for (const shard of behind) {
      const before = shardCoverage(coverage, shard);
      const now = new Set(this.catalog.idsInShard(shard));
      // An article a shard's split moved to another shard is not gone: that shard indexes it.
      const gone = Object.keys(before).filter((id) => !now.has(id) && !this.catalog.get(id));
      const changed = [...now].filter((id) => before[id] !== indexSignature(this.catalog.get(id)!));
      if (gone.length > 0) await this.engine.remove(gone);
      if (changed.length > 0) await this.indexIds(changed);
      // Tags and dates are not in the signature: the shard's other records are handed over as they are now.
      const reindexed = new Set(changed);
      const others = [...now].filter((id) => !reindexed.has(id)).map((id) => toSearchRecord(this.catalog.get(id)!));
      if (others.length > 0) await this.engine.updateRecords(others);
      this.dirty = true;
      await yieldToOthers();
    }
    onProgress(this.catalog.size, this.catalog.size);
  }

  private async build(onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.engine.reset();
    await this.catalog.loadAll();
    // In no particular order: sorting 100,000 ids newest first would hold this thread up for nothing.
    const ids = this.catalog.ids();
    await this.indexIds(ids, onProgress);
    this.dirty = true;
  }

  private async indexIds(ids: string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    // The engine reads each article's text from its capture itself (in the worker, in the
    // app): this thread hands over only the records, never parsing 100,000 captures.
    for (let i = 0; i < ids.length; i += BATCH) {
      const records: SearchRecord[] = [];
      for (const id of ids.slice(i, i + BATCH)) {
        const record = this.catalog.get(id);
        if (record) records.push(toSearchRecord(record));
      }
      onProgress?.(i, ids.length);
      await this.engine.addStored(this.root, records);
    }
    onProgress?.(ids.length, ids.length);
  }
}

/**
 * A short fingerprint of the fields the index holds from the catalog record (the text is
 * never rewritten, so its id stands for it): FNV-1a over title, source, author and language.
 */
export function indexSignature(record: ArticleRecord): string {
  const fields = `${record.title}\u0000${record.source ?? ''}\u0000${record.author ?? ''}\u0000${record.lang ?? ''}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < fields.length; i++) {
    hash ^= fields.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** What the search index takes of an article. */
export function indexable(record: ArticleRecord, text: string): IndexableArticle {
  return { ...toSearchRecord(record), text };
}
