/**
 * What was captured for each article, stored once and never rewritten:
 *   articles/<shard>/<id>/article.json     reader HTML, plain text, metadata as extracted,
 *                                          and the catalog record as first stored (so the
 *                                          catalog can be rebuilt from the captures)
 *   articles/<shard>/<id>/original.<ext>.gz  the bytes as received
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from '../article-record';
import type { ClippedArticle } from '../clip/clipped-article';
import { syncFolder, writeFileDurably } from './durable-file';
import { shardOf } from './shards';

const gunzipAsync = promisify(gunzip);

/** The content of article.json. */
export interface CapturedContent {
  id: string;
  text: string;
  html: string;
  /** The metadata as the clipper extracted it, before the user's overrides. */
  extracted: Omit<ClippedArticle, 'text' | 'html'>;
  /** The catalog record as first stored. */
  record?: ArticleRecord;
}

/** The kinds of original kept: text, a web page, a PDF, a web archive (.mhtml). */
export type OriginalKind = 'txt' | 'html' | 'pdf' | 'mhtml';

/** Every kind, in the order readOriginal looks for them. */
const ORIGINAL_KINDS: readonly OriginalKind[] = ['html', 'txt', 'pdf', 'mhtml'];

/** The folder holding an article's capture. */
export function captureFolder(root: string, id: string): string {
  return join(root, 'articles', shardOf(id), id);
}

/** Writes an article's capture; every file and folder is fsynced before this resolves. */
export async function writeCapture(root: string, content: CapturedContent, original: Uint8Array, kind: OriginalKind): Promise<void> {
  const folder = captureFolder(root, content.id);
  await mkdir(folder, { recursive: true });
  const json = JSON.stringify(content);
  // Captures are small: compressing in place costs less than a trip to the thread pool.
  const gzipped = gzipSync(original);
  await writeFileDurably(join(folder, 'article.json'), json);
  await writeFileDurably(join(folder, `original.${kind}.gz`), gzipped);
  await syncFolder(join(folder, '..'));
}

/**
 * Writes an article's capture for a bulk import, without syncing (the import syncs every
 * file once at the end, before the catalog names them), and returns the files written. The
 * calls are synchronous: for files of a few kilobytes, three trips to the thread pool cost
 * about three times the CPU of doing the work at once, and a bulk import is bound by this
 * thread's CPU. Each call holds the thread for well under a millisecond.
 */
export function writeCaptureForBatch(root: string, content: CapturedContent, original: Uint8Array, kind: OriginalKind): string[] {
  const folder = captureFolder(root, content.id);
  mkdirSync(folder, { recursive: true });
  const files = [join(folder, 'article.json'), join(folder, `original.${kind}.gz`)];
  writeFileSync(files[0]!, JSON.stringify(content));
  // A small window: the originals are a few kilobytes, and setting up the default 32 KB window
  // costs more than compressing them.
  writeFileSync(files[1]!, gzipSync(original, { windowBits: 12, memLevel: 5 }));
  return files;
}

/** Reads an article's capture; a missing or damaged one is a library error naming the file. */
export async function readCapture(root: string, id: string): Promise<CapturedContent> {
  const path = join(captureFolder(root, id), 'article.json');
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CapturedContent;
  } catch (error) {
    throw unreadable(id, path, error);
  }
}

function unreadable(id: string, path: string, error: unknown): CuttingsError {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message;
  return new CuttingsError('library', `library: cannot read the content of article ${id} (${path}: ${reason})`);
}

/**
 * readCapture without the thread pool, for bulk reads (exports) and threads that may wait (the
 * search worker): a small file read synchronously costs a fraction of the round trips an
 * asynchronous read makes. Bulk callers read a few dozen at a time and then let the thread
 * go. `raw` is the file's bytes as stored.
 */
export function readCaptureSync(root: string, id: string): { content: CapturedContent; raw: Buffer } {
  const path = join(captureFolder(root, id), 'article.json');
  try {
    const raw = readFileSync(path);
    return { content: JSON.parse(raw.toString('utf8')) as CapturedContent, raw };
  } catch (error) {
    throw unreadable(id, path, error);
  }
}

/** readOriginal without the thread pool, for bulk reads (see readCaptureSync). */
export function readOriginalSync(root: string, id: string): { kind: OriginalKind; bytes: Buffer } | null {
  const folder = captureFolder(root, id);
  for (const kind of ['html', 'txt'] as const) {
    let zipped: Buffer;
    try {
      zipped = readFileSync(join(folder, `original.${kind}.gz`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    return { kind, bytes: gunzipSync(zipped) };
  }
  return null;
}

/** Reads and unzips the original bytes; null when the capture has none. */
export async function readOriginal(root: string, id: string): Promise<{ kind: OriginalKind; bytes: Buffer } | null> {
  const folder = captureFolder(root, id);
  for (const kind of ORIGINAL_KINDS) {
    let zipped: Buffer;
    try {
      zipped = await readFile(join(folder, `original.${kind}.gz`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    return { kind, bytes: await gunzipAsync(zipped) };
  }
  return null;
}

/** Removes an article's capture (used to undo an add that could not be completed). */
export async function removeCapture(root: string, id: string): Promise<void> {
  await rm(captureFolder(root, id), { recursive: true, force: true });
}

/** The ids of every capture on disk, shard by shard. */
export async function listCaptureIds(root: string, shards?: string[]): Promise<string[]> {
  const articles = join(root, 'articles');
  const wanted = shards ?? (await readdir(articles).catch(() => [] as string[]));
  const ids: string[] = [];
  for (const shard of wanted) {
    const names = await readdir(join(articles, shard)).catch(() => [] as string[]);
    ids.push(...names.filter((name) => !name.startsWith('.')));
  }
  return ids;
}
