/**
 * What the parts of an open library share (the read model, the add pipeline, search, notes
 * and organising): its folder, its catalog, search index and evidence, whether it may be
 * written, and the one way changed records are written. Library (index.ts) makes one when it opens and
 * hands it to each part.
 */
import { CuttingsError } from '../../../common/errors';
import { DuplicateIndex } from '../duplicates/duplicate-index';
import { duplicateSnapshotPath } from '../duplicates/duplicate-snapshot';
import type { LibraryEvidence } from '../evidence/library-evidence';
import type { TagStore } from '../organise/tag-store';
import type { SearchService } from '../search/search-service';
import type { ArticleRecord } from '../storage/article-record';
import type { Catalog, ApplyOptions, CatalogChanges } from '../storage/catalog';
import { asLibraryError } from './library-errors';
import { RecentTexts } from './recent-texts';

/** The shared state and checks of one open library. */
export class LibraryContext {
  private readonly texts: RecentTexts;
  /** The articles a new one could repeat, looked up by its keys (duplicates/duplicate-index.ts). */
  readonly duplicates: DuplicateIndex;

  constructor(
    /** Absolute path of the library folder. */
    readonly root: string,
    readonly readOnly: boolean,
    readonly catalog: Catalog,
    readonly search: SearchService,
    /** Signing captures, the custody log and timestamps. */
    readonly evidence: LibraryEvidence,
  ) {
    this.texts = new RecentTexts(root);
    this.duplicates = new DuplicateIndex(catalog, { path: duplicateSnapshotPath(root), shards: catalog });
  }

  /** Throws `library: <path> is open read-only` when the library may not be written. */
  assertWritable(): void {
    if (this.readOnly) throw new CuttingsError('library', `library: ${this.root} is open read-only`);
  }

  /**
   * Runs a write to a library-level file (saved searches, tag colours, tag rules) once the
   * library is known to be writable, and explains its file-system errors as `library: <doing>: …`.
   */
  async writing<T>(doing: string, work: () => Promise<T>): Promise<T> {
    this.assertWritable();
    try {
      return await work();
    } catch (error) {
      throw asLibraryError(error, doing);
    }
  }

  /** One article's catalog record (metadata and provenance, no body). */
  record(id: string): ArticleRecord {
    const record = this.catalog.get(id);
    if (!record) throw new CuttingsError('not-found', `library: no article with id ${id}`);
    return record;
  }

  /** An article's text, from the few hundred read last or from its capture (recent-texts.ts). */
  textOf(id: string): Promise<string> {
    return this.texts.textOf(id);
  }

  /** Returns the spelling already in use for a tag, so that `Ukraine` and `ukraine` stay one. */
  canonicalTag(tag: string): string {
    return this.catalog.spellingOf(tag) ?? tag;
  }

  /** Writes catalog changes durably; the in-memory catalog follows only what reached disk. */
  async commit(changes: CatalogChanges, options?: ApplyOptions): Promise<void> {
    try {
      await this.catalog.apply(changes, options);
    } catch (error) {
      throw asLibraryError(error, 'could not save the catalog');
    }
  }

  /** Writes one changed record (its tags, note or highlights) and tells the search index. */
  async writeRecord(updated: ArticleRecord): Promise<void> {
    await this.commit(new Map([[updated.id, updated]]));
    this.search.catalogChanged([updated]);
  }

  /** The catalog as organising sees it: writes go through commit and are told to the search index. */
  tagStore(): TagStore {
    return {
      records: async () => {
        await this.catalog.loadAll();
        return this.catalog.all();
      },
      get: (id) => this.catalog.get(id),
      spellingOf: (tag) => this.catalog.spellingOf(tag),
      respell: (tag) => this.catalog.respellTag(tag),
      write: async (records) => {
        try {
          await this.commit(new Map(records.map((record) => [record.id, record])));
        } finally {
          // Shards that were written stand even when another failed: the index hears of those.
          const written = records.filter((record) => this.catalog.get(record.id) === record);
          if (written.length > 0) this.search.catalogChanged(written);
        }
      },
    };
  }
}
