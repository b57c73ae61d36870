/**
 * What the catalog holds in memory of its records: each article's record by id, the tags
 * with their counts, and the list newest first. The catalog (catalog.ts) keeps it in step
 * with its shards: a record is remembered once its shard is on disk and forgotten when it
 * leaves. Kept apart from how the shards are written, as the part a compact summary of the
 * catalog would replace (issue #22).
 */
import { tagKey } from '../../../common/tags';
import type { TagCount } from '../../../common/article';
import type { ArticleRecord } from './article-record';

/** Told of each record taken in (`record`) or let go (null), with the record it replaces, if any. */
export type RecordWatcher = (id: string, record: ArticleRecord | null, before: ArticleRecord | undefined) => void;

/** The records of the catalog, in memory. */
export class CatalogRecords {
  private readonly watchers: RecordWatcher[] = [];
  private readonly byId = new Map<string, ArticleRecord>();
  private readonly tagCounts = new Map<string, TagCount>();
  /** all()'s answer, kept until a record changes. */
  private allRecords: readonly ArticleRecord[] | null = null;

  /** How many articles there are. */
  get size(): number {
    return this.byId.size;
  }

  /** One article's record, or undefined. */
  get(id: string): ArticleRecord | undefined {
    return this.byId.get(id);
  }

  /** True when the article is here. */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** Every id, in no particular order. */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /**
   * Every record, newest clipped first (ULIDs sort by creation time). Made again after a
   * change in one pass over the records in the order they were taken in, which is nearly
   * always by id already (shards are read in order, an article's record keeps its place when
   * it changes, new ids are the newest): only when it is not are they sorted. On the storage
   * bench's library of 1,000,000, sorting the ids and looking each record up again held the
   * main thread 0.9–1.1 s after every change; the pass takes 83 ms (lightly loaded machine).
   */
  all(): readonly ArticleRecord[] {
    if (this.allRecords) return this.allRecords;
    const records = new Array<ArticleRecord>(this.byId.size);
    let at = records.length;
    let inOrder = true;
    let previous = '';
    for (const record of this.byId.values()) {
      if (record.id < previous) inOrder = false;
      previous = record.id;
      records[--at] = record;
    }
    if (!inOrder) records.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    this.allRecords = Object.freeze(records);
    return this.allRecords;
  }

  /** Every tag with its count, most used first. */
  tags(): TagCount[] {
    return [...this.tagCounts.values()]
      .map((entry) => ({ ...entry }))
      .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }

  /** The spelling in use for a tag with this key, if any article carries it. */
  spellingOf(tag: string): string | undefined {
    return this.tagCounts.get(tagKey(tag))?.tag;
  }

  /** Shows the tag with this key spelled as given from now on (after a rename that changed only its case). */
  respellTag(tag: string): void {
    const entry = this.tagCounts.get(tagKey(tag));
    if (entry) entry.tag = tag;
  }

  /** Tells `watcher` of every record taken in or let go from now on (derived data kept in step: duplicate-index.ts). */
  watch(watcher: RecordWatcher): void {
    this.watchers.push(watcher);
  }

  /** Takes in records (or removals: null) now on disk. */
  settle(entries: Iterable<[string, ArticleRecord | null]>): void {
    for (const [id, record] of entries) {
      if (record) this.remember(record);
      else this.forget(id);
    }
  }

  /** Takes in a record now on disk, in place of the article's old one if it had one (keeping its place in the Map's order). */
  remember(record: ArticleRecord): void {
    const old = this.byId.get(record.id);
    if (old) this.countTags(old, -1);
    this.allRecords = null;
    this.byId.set(record.id, record);
    this.countTags(record, 1);
    for (const watcher of this.watchers) watcher(record.id, record, old);
  }

  /** Lets go of an article no longer on disk. */
  forget(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.countTags(record, -1);
    this.byId.delete(id);
    this.allRecords = null;
    for (const watcher of this.watchers) watcher(id, null, record);
  }

  private countTags(record: ArticleRecord, by: 1 | -1): void {
    for (const tag of record.tags) {
      const key = tagKey(tag);
      const entry = this.tagCounts.get(key);
      if (!entry) {
        if (by > 0) this.tagCounts.set(key, { tag, count: 1 });
      } else if ((entry.count += by) === 0) this.tagCounts.delete(key);
    }
  }
}
