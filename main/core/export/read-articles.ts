/**
 * Reads the captures of many articles in order, for exports. One capture is one small file,
 * and an asynchronous read of a small file makes several trips through libuv's thread pool
 * (open, stat, read, close): at 100,000 articles those trips cost more than everything else.
 * So captures are read synchronously, a few dozen at a time, and the thread is let go between
 * batches: other work (the app's IPC, a progress bar) waits a few milliseconds at most.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoredCutting } from '../archive/cutting-records';
import { signingKeyOfStored } from '../evidence/capture-manifest';
import type { LibraryKeys } from '../evidence/library-keys';
import { assetsFolder, ASSET_NAME } from '../storage/assets';
import type { ArticleRecord } from '../storage/article-record';
import { readCaptureSync, readStoredCaptureSync, type CapturedContent } from '../storage/captures';
import { throwIfCancelled } from './output-file';

/** How many items are read before the thread is let go. */
const BATCH = 64;

/** An article's catalog record with its capture. */
export interface ArticleWithContent {
  record: ArticleRecord;
  content: CapturedContent;
}

const letOthersRun = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields `read(item)` for each item in order, letting the thread go and checking the signal every BATCH items. */
export async function* readInOrder<T, R>(items: readonly T[], read: (item: T) => R, signal?: AbortSignal): AsyncGenerator<[T, R]> {
  for (let i = 0; i < items.length; i++) {
    if (i % BATCH === 0) {
      throwIfCancelled(signal);
      if (i > 0) await letOthersRun();
    }
    yield [items[i]!, read(items[i]!)];
  }
}

/** Yields each record with its capture, in the records' order. */
export async function* readArticles(root: string, records: readonly ArticleRecord[], signal?: AbortSignal): AsyncGenerator<ArticleWithContent> {
  for await (const [record, { content }] of readInOrder(records, (record) => readCaptureSync(root, record.id), signal)) yield { record, content };
}

/**
 * A cutting whole, as the web-archive exports write it: its record, its capture, its original
 * and a reader of its images (read when asked, one at a time; null for a missing one).
 */
export function readStoredCutting(root: string, record: ArticleRecord, keys?: LibraryKeys): StoredCutting {
  const { raw, original } = readStoredCaptureSync(root, record.id);
  // The key that signed its manifest, so that it verifies where the archive goes.
  const fingerprint = keys ? signingKeyOfStored(raw) : null;
  const known = fingerprint ? keys?.get(fingerprint) : undefined;
  return {
    ...(known ? { signer: { fingerprint: known.fingerprint, algorithm: known.algorithm, publicKey: known.publicKey, label: known.label } } : {}),
    record,
    content: JSON.parse(raw.toString('utf8')) as CapturedContent,
    original,
    readAsset(name) {
      if (!ASSET_NAME.test(name)) return null;
      try {
        return readFileSync(join(assetsFolder(root), name));
      } catch {
        return null;
      }
    },
  };
}
