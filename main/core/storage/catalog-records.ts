/**
 * What the catalog holds in memory of its records: each article's record by id, the tags
 * with their counts. The catalog (catalog.ts) keeps it in step
 * with its shards: a record is remembered once its shard is on disk and forgotten when it
 * leaves. A shard not read yet (its summary trusted, catalog-summary.ts) is counted here by
 * its summary alone — its articles and its tags — until it is read.
 */
import { tagKey } from '../../../common/tags';
import type { TagCount } from '../../../common/article';
import type { ArticleRecord } from './article-record';

/**
 * Told of each record taken in (`record`) or let go (null), with the record it replaces, if
 * any: the catalog's changes. A shard read from disk after open is not one (its records were
 * in the library all along), and its records are taken in without telling.
 */
export type RecordWatcher = (id: string, record: ArticleRecord | null, before: ArticleRecord | undefined) => void;

/** The records of the catalog, in memory. */
export class CatalogRecords {
  private readonly watchers: RecordWatcher[] = [];
  private readonly byId = new Map<string, ArticleRecord>();
  private readonly tagCounts = new Map<string, TagCount>();
  /** The articles of shards counted by their summary, not read yet. */
  private summarisedCount = 0;
  /** Goes up with every record taken in or let go (the catalog keeps answers until it moves). */
  version = 0;

  /** How many articles there are, read or not. */
  get size(): number {
    return this.byId.size + this.summarisedCount;
  }

  /** Counts the articles and tags of a shard not read yet (`by` 1), or no longer (-1, once it is read). */
  countSummarised(summary: { count: number; tags: [string, number][] }, by: 1 | -1): void {
    this.summarisedCount += by * summary.count;
    for (const [tag, count] of summary.tags) this.countTag(tag, by * count);
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

  /**
   * Takes in a record now on disk, in place of the article's old one if it had one (keeping
   * its place in the Map's order). `read` says it was only read from its shard, which changes
   * nothing in the library: the watchers are not told.
   */
  remember(record: ArticleRecord, read = false): void {
    const old = this.byId.get(record.id);
    if (old) this.countTags(old, -1);
    this.version++;
    this.byId.set(record.id, record);
    this.countTags(record, 1);
    if (!read) for (const watcher of this.watchers) watcher(record.id, record, old);
  }

  /** Lets go of an article no longer on disk. */
  forget(id: string): void {
    const record = this.byId.get(id);
    if (!record) return;
    this.countTags(record, -1);
    this.byId.delete(id);
    this.version++;
    for (const watcher of this.watchers) watcher(id, null, record);
  }

  private countTags(record: ArticleRecord, by: 1 | -1): void {
    for (const tag of record.tags) this.countTag(tag, by);
  }

  private countTag(tag: string, by: number): void {
    const key = tagKey(tag);
    const entry = this.tagCounts.get(key);
    if (!entry) {
      if (by > 0) this.tagCounts.set(key, { tag, count: by });
    } else if ((entry.count += by) <= 0) this.tagCounts.delete(key);
  }
}
