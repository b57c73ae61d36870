/**
 * What was captured for each article, stored once and never rewritten:
 *   articles/<shard>/<id>/article.json     reader HTML, plain text, metadata as extracted,
 *                                          and the catalog record as first stored (so the
 *                                          catalog can be rebuilt from the captures)
 *   articles/<shard>/<id>/original.<ext>.gz  the bytes as received
 */
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzipSync } from 'node:zlib';
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

/**
 * Writes an article's capture. With `durable` (the default) every file and folder is
 * fsynced before this resolves; a bulk import passes false and syncs once at the end.
 */
export async function writeCapture(
  root: string,
  content: CapturedContent,
  original: Uint8Array,
  kind: OriginalKind,
  durable = true,
): Promise<void> {
  const folder = captureFolder(root, content.id);
  await mkdir(folder, { recursive: true });
  const json = JSON.stringify(content);
  // Captures are small: compressing in place costs less than a trip to the thread pool.
  const gzipped = gzipSync(original);
  if (durable) {
    await writeFileDurably(join(folder, 'article.json'), json);
    await writeFileDurably(join(folder, `original.${kind}.gz`), gzipped);
    await syncFolder(join(folder, '..'));
  } else {
    await writeFile(join(folder, 'article.json'), json);
    await writeFile(join(folder, `original.${kind}.gz`), gzipped);
  }
}

/** Reads an article's capture; a missing or damaged one is a library error naming the file. */
export async function readCapture(root: string, id: string): Promise<CapturedContent> {
  const path = join(captureFolder(root, id), 'article.json');
  try {
    return JSON.parse(await readFile(path, 'utf8')) as CapturedContent;
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message;
    throw new CuttingsError('library', `library: cannot read the content of article ${id} (${path}: ${reason})`);
  }
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
