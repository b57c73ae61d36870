/**
 * Reads the captures of many articles in order, several at a time: one capture a file, so
 * reading them one after another would leave the disk (and libuv's thread pool) idle between
 * small reads. Memory stays bounded by the read-ahead window, whatever the selection's size.
 */
import type { ArticleRecord } from '../article-record';
import { readCapture, type CapturedContent } from '../storage/captures';
import { throwIfCancelled } from './output-file';

/** How many reads run ahead of the writer. */
const READ_AHEAD = 32;

/** An article's catalog record with its capture. */
export interface ArticleWithContent {
  record: ArticleRecord;
  content: CapturedContent;
}

/**
 * Yields `read(item)` for each item in order, with up to READ_AHEAD reads in flight; checks
 * the signal between items.
 */
export async function* readInOrder<T, R>(items: readonly T[], read: (item: T) => Promise<R>, signal?: AbortSignal): AsyncGenerator<[T, R]> {
  const pending: Promise<R>[] = [];
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    throwIfCancelled(signal);
    while (next < items.length && pending.length < READ_AHEAD) {
      const reading = read(items[next]!);
      // A read that fails before its turn is reported at its turn, not as an unhandled rejection.
      reading.catch(() => undefined);
      pending.push(reading);
      next++;
    }
    yield [items[i]!, await pending.shift()!];
  }
}

/** Yields each record with its capture, in the records' order. */
export async function* readArticles(root: string, records: readonly ArticleRecord[], signal?: AbortSignal): AsyncGenerator<ArticleWithContent> {
  for await (const [record, content] of readInOrder(records, (record) => readCapture(root, record.id), signal)) yield { record, content };
}
