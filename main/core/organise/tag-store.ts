/**
 * What organising needs of a library: its records, the spelling in use for a tag, and a way
 * to write changed records (Catalog.apply, then telling the search index). The Library
 * builds one over its private catalog, so the logic here can be tested on its own.
 */
import { tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../storage/article-record';

/** The library as organising sees it. */
export interface TagStore {
  /** Every record, newest clipped first (once every catalog shard is read). */
  records(): Promise<readonly ArticleRecord[]>;
  get(id: string): ArticleRecord | undefined;
  /** The spelling in use for a tag with this key, if any article carries it. */
  spellingOf(tag: string): string | undefined;
  /** Shows a tag spelled this way from now on (after a change of case only). */
  respell(tag: string): void;
  /** Writes changed records with one durable Catalog.apply and tells the search index. */
  write(records: ArticleRecord[]): Promise<void>;
}

/** Reports how many of the articles to change have been written. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * How many changed articles are written with one Catalog.apply. Batches are runs of ids in
 * order (see writeInBatches), so a shard is written once whatever the batch size, but for the
 * one shard a batch may end in the middle of; the size sets how often progress is reported
 * and how much a failure halfway leaves done.
 */
export const BATCH_SIZE = 2000;

/** One article a batched change wrote: its record before and after. */
export interface WrittenChange {
  before: ArticleRecord;
  after: ArticleRecord;
}

/**
 * Changes the tags of the articles `ids` in batches, with progress after each. The ids are
 * taken in order, and the catalog's shards are ranges of ids (storage/shard-ranges.ts), so a
 * batch is whole shards but for its two ends: each shard is rewritten about once for the whole
 * change, not once per batch. `retag`
 * gives an article's new tags, or null to leave it; it is asked just before the article's
 * batch is written, from the record as it is then, so that a tag edited meanwhile (the user
 * goes on working during a long change) is not written over. Articles removed meanwhile are
 * skipped. Resolves to what was written; if a batch fails, the PartialWriteError thrown
 * carries what was written before it.
 */
export async function writeInBatches(
  store: TagStore,
  ids: readonly string[],
  retag: (tags: readonly string[], record: ArticleRecord) => string[] | null,
  onProgress?: ProgressCallback,
  batchSize = BATCH_SIZE,
): Promise<WrittenChange[]> {
  const inOrder = [...ids].sort();
  const total = ids.length;
  const written: WrittenChange[] = [];
  let batch: string[] = [];
  let done = 0;
  onProgress?.(0, total);
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      const changes: WrittenChange[] = [];
      for (const id of batch) {
        const before = store.get(id);
        if (!before) continue;
        const tags = retag(before.tags, before);
        if (tags !== null && !sameTags(tags, before.tags)) changes.push({ before, after: { ...before, tags } });
      }
      if (changes.length > 0) await store.write(changes.map((change) => change.after));
      written.push(...changes);
    } catch (error) {
      throw new PartialWriteError(error, written);
    }
    done += batch.length;
    batch = [];
    onProgress?.(done, total);
  };
  for (const id of inOrder) {
    batch.push(id);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return written;
}

/** A batched write that failed after the changes in `written` were already written. */
export class PartialWriteError extends Error {
  constructor(
    readonly failure: unknown,
    readonly written: WrittenChange[],
  ) {
    super((failure as Error).message ?? String(failure));
  }
}

/** True when two tag lists are the same, in the same order and spelling. */
export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}

/** The tags without a second of the same key (the first spelling stays). */
export function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tagKey(tag);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** "1 article", "3 articles". */
export function articles(count: number): string {
  return `${count.toLocaleString('en')} article${count === 1 ? '' : 's'}`;
}
