/**
 * What organising needs of a library: its records, the spelling in use for a tag, and a way
 * to write changed records (Catalog.apply, then telling the search index). The Library
 * builds one over its private catalog, so the logic here can be tested on its own.
 */
import { tagKey } from '../../../common/tags';
import type { ArticleRecord } from '../article-record';
import { shardOf } from '../storage/shards';

/** The library as organising sees it. */
export interface TagStore {
  /** Every record, newest clipped first. */
  records(): readonly ArticleRecord[];
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
 * How many changed articles are written with one Catalog.apply. Batches are made of whole
 * shards (see writeInBatches), so a shard is written once whatever the batch size; the size
 * only sets how often progress is reported and how much a failure halfway leaves done.
 */
export const BATCH_SIZE = 2000;

/**
 * Writes changed records in batches of whole catalog shards, with progress after each. Each
 * shard is rewritten once for the whole change, not once per batch: 10,000 articles over a
 * thousand shards cost a thousand file writes, not ten thousand. If a batch fails, the
 * PartialWriteError thrown carries the records written before it in `written`.
 */
export async function writeInBatches(
  store: TagStore,
  records: ArticleRecord[],
  onProgress?: ProgressCallback,
  batchSize = BATCH_SIZE,
): Promise<void> {
  const byShard = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    const shard = shardOf(record.id);
    let list = byShard.get(shard);
    if (!list) byShard.set(shard, (list = []));
    list.push(record);
  }
  const total = records.length;
  const written: ArticleRecord[] = [];
  let batch: ArticleRecord[] = [];
  onProgress?.(0, total);
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      await store.write(batch);
    } catch (error) {
      throw new PartialWriteError(error, written);
    }
    written.push(...batch);
    batch = [];
    onProgress?.(written.length, total);
  };
  for (const list of byShard.values()) {
    batch.push(...list);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
}

/** A batched write that failed after the records in `written` were already written. */
export class PartialWriteError extends Error {
  constructor(
    readonly failure: unknown,
    readonly written: ArticleRecord[],
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
