/**
 * Keeps a library's search index in step with its catalog. The index is loaded from its
 * snapshot when first needed (or built from the captures when there is none), caught up
 * with the catalog shards that changed since, told of every article added, and saved again
 * when the library closes. The index itself sits behind a SearchEngine, in this thread or in
 * a worker.
 */
import type { ArticleRecord } from './article-record';
import type { SearchStatus } from '../../common/api';
import type { SearchEngine, SnapshotCoverage } from './search-engine';
import type { IndexableArticle, IndexMatch, TermMatches, TermQuery } from './search-index';
import type { Catalog } from './storage/catalog';

/** How many articles go to the engine in one message while building. */
const BATCH = 250;

/** Reads an article's text from its capture. */
export type TextReader = (id: string) => Promise<string>;

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

  constructor(
    private readonly root: string,
    private readonly engine: SearchEngine,
    private readonly catalog: Catalog,
    private readonly readText: TextReader,
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

  /** Searches, loading the index first if needed. */
  async search(words: string[]): Promise<IndexMatch[]> {
    await this.ensureReady();
    await this.indexing;
    return this.engine.search(words);
  }

  /** Looks up several words at once, loading the index first if needed. */
  async matchTerms(queries: TermQuery[]): Promise<TermMatches[]> {
    await this.ensureReady();
    await this.indexing;
    return this.engine.matchTerms(queries);
  }

  /**
   * Hands newly stored articles to the index, if it is loaded (otherwise the catch-up at
   * load finds them). Returns without waiting for the engine.
   */
  added(articles: { record: ArticleRecord; text: string }[]): void {
    const ready = this.ready;
    if (!ready) return;
    this.dirty = true;
    this.indexing = this.indexing
      .then(async () => {
        await ready;
        for (let i = 0; i < articles.length; i += BATCH) {
          await this.engine.add(articles.slice(i, i + BATCH).map(({ record, text }) => indexable(record, text)));
        }
      })
      .catch(() => {
        // The articles are stored; only the index missed them. Loading it again catches up
        // from the catalog, so forget it rather than fail every search from now on.
        this.ready = null;
      });
  }

  /** Notes that the catalog changed in ways the index does not hold (tags): only the coverage moves. */
  catalogChanged(): void {
    if (this.ready) this.dirty = true;
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
    await this.engine.save(this.root, this.coverage());
    this.dirty = false;
  }

  /** Ends the engine. */
  close(): Promise<void> {
    return this.engine.close();
  }

  private coverage(): SnapshotCoverage {
    const shardVersions = this.catalog.shardVersions();
    const indexed: Record<string, Record<string, string>> = {};
    for (const shard of Object.keys(shardVersions)) {
      const signatures: Record<string, string> = {};
      for (const id of this.catalog.idsInShard(shard)) signatures[id] = indexSignature(this.catalog.get(id)!);
      indexed[shard] = signatures;
    }
    return { shardVersions, indexed };
  }

  private async loadOrBuild(onProgress: (done: number, total: number) => void): Promise<void> {
    onProgress(0, this.catalog.size);
    const coverage = await this.engine.load(this.root);
    if (!coverage) return this.build(onProgress);
    // In the shards whose change number moved since the snapshot was saved, re-index the
    // articles whose indexed fields changed, add the new and drop the removed.
    const current = this.catalog.shardVersions();
    for (const shard of new Set([...Object.keys(current), ...Object.keys(coverage.shardVersions)])) {
      if (current[shard] === coverage.shardVersions[shard]) continue;
      const before = coverage.indexed[shard] ?? {};
      const now = new Set(this.catalog.idsInShard(shard));
      const gone = Object.keys(before).filter((id) => !now.has(id));
      const changed = [...now].filter((id) => before[id] !== indexSignature(this.catalog.get(id)!));
      if (gone.length > 0) await this.engine.remove(gone);
      if (changed.length > 0) await this.indexIds(changed);
      this.dirty = true;
    }
    onProgress(this.catalog.size, this.catalog.size);
  }

  private async build(onProgress?: (done: number, total: number) => void): Promise<void> {
    await this.engine.reset();
    const ids = this.catalog.all().map((record) => record.id);
    await this.indexIds(ids, onProgress);
    this.dirty = true;
  }

  private async indexIds(ids: string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    // One batch is indexed while the next is read: with a worker, both threads stay busy.
    let indexing: Promise<void> = Promise.resolve();
    for (let i = 0; i < ids.length; i += BATCH) {
      const batch: IndexableArticle[] = [];
      for (const id of ids.slice(i, i + BATCH)) {
        const record = this.catalog.get(id);
        if (record) batch.push(indexable(record, await this.readText(id)));
      }
      await indexing;
      onProgress?.(i, ids.length);
      indexing = this.engine.add(batch);
    }
    await indexing;
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
  return { id: record.id, title: record.title, text, source: record.source, author: record.author, lang: record.lang };
}
