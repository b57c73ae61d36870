/**
 * What was captured for each article, stored once and never rewritten, one file an article
 * (format 3; format 2 had a folder of two files, see migrations.ts):
 *
 *   articles/<shard>/<id>.capture
 *     line 1   the content as JSON: reader HTML, plain text, metadata as extracted, the
 *              catalog record as first stored (so the catalog can be rebuilt from the
 *              captures) and, for a page fetched by address, the requests sent and the
 *              response heads received (http-exchange.ts); for a scan, its originals, page images and words
 *              (scan-capture.ts). JSON.stringify never writes a raw
 *              line break, so the first line break ends it.
 *     line 2   the original's kind: html, txt, pdf, mhtml, or a scan's jpg, png, tif or webp
 *     the rest the original bytes as received, gzipped
 *
 * One file rather than a folder of two: creating files and folders is what a bulk import
 * spends most of its time on (each is a journal entry), and the content is still read
 * without touching the original (only the first line is read).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync } from 'node:fs';
import { mkdir, open, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gunzipSync, gzipSync } from 'node:zlib';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from './article-record';
import type { ClippedArticle } from '../clip/clipped-article';
import type { CapturedHttp } from './http-exchange';
import { syncFolder, writeFileDurably } from './durable-file';
import type { StoredScan } from './scan-capture';
import { captureFolderOf } from './capture-folder';

const gunzipAsync = promisify(gunzip);

/** The content: a capture file's first line. */
export interface CapturedContent {
  id: string;
  text: string;
  html: string;
  /** The metadata as the clipper extracted it, before the user's overrides. */
  extracted: Omit<ClippedArticle, 'text' | 'html'>;
  /** The catalog record as first stored. */
  record?: ArticleRecord;
  /**
   * What the fetch sent and received (pages clipped by address and their images, from the
   * version that kept it on): what a WARC export needs. A few kilobytes beside the text.
   */
  http?: CapturedHttp;
  /** For a scan: its originals, page images and recognised words (scan-capture.ts). */
  scan?: StoredScan;
  /** The capture's signed manifest (evidence/capture-manifest.ts); absent for captures made before signing. */
  evidence?: StoredEvidence;
}

/** A signed manifest as a capture keeps it. */
export interface StoredEvidence {
  /** The manifest's canonical JSON (RFC 8785), exactly the bytes signed, as UTF-8. */
  manifest: string;
  /** The Ed25519 signature of those bytes, base64. */
  signature: string;
}

/** The kinds of original kept: text, a web page, a PDF, a web archive (.mhtml), a scan's image. */
export type OriginalKind = 'txt' | 'html' | 'pdf' | 'mhtml' | 'jpg' | 'png' | 'tif' | 'webp';

/** Every kind, as the capture's second line and an exported original's extension name them. */
export const ORIGINAL_KINDS: readonly OriginalKind[] = ['html', 'txt', 'pdf', 'mhtml', 'jpg', 'png', 'tif', 'webp'];

/** A capture file's name ends in this. */
export const CAPTURE_SUFFIX = '.capture';

const NEWLINE = 0x0a;

/** The file holding an article's capture. */
export function capturePath(root: string, id: string): string {
  return join(root, 'articles', captureFolderOf(id), `${id}${CAPTURE_SUFFIX}`);
}

/**
 * The original bytes compressed as a capture keeps them, with a small window: originals are
 * a few kilobytes, and setting up the default 32 KB window costs more than compressing them.
 * The clipper calls it (in the clip worker, for a bulk import) so that the library's thread
 * only writes.
 */
export function zipOriginal(original: Uint8Array): Buffer {
  return gzipSync(original, { windowBits: 12, memLevel: 5 });
}

/** A capture file's bytes: the content (an object, or its JSON as bytes), the kind, the zipped original. */
export function encodeCapture(content: CapturedContent | Uint8Array, zippedOriginal: Uint8Array, kind: OriginalKind): Buffer {
  const json = content instanceof Uint8Array ? content : Buffer.from(JSON.stringify(content), 'utf8');
  return Buffer.concat([json, Buffer.from(`\n${kind}\n`, 'latin1'), zippedOriginal]);
}

/** Writes an article's capture; the file and its folder are fsynced before this resolves. */
export async function writeCapture(root: string, content: CapturedContent, zippedOriginal: Uint8Array, kind: OriginalKind): Promise<void> {
  const path = capturePath(root, content.id);
  const created = await mkdir(join(path, '..'), { recursive: true });
  await writeFileDurably(path, encodeCapture(content, zippedOriginal, kind));
  // A shard folder made just now is itself a new name in articles/.
  if (created !== undefined) await syncFolder(join(root, 'articles'));
}

/**
 * Writes an article's capture for a bulk import, without syncing (the import syncs every
 * file once at the end, before the catalog names them), and returns the file written. The
 * calls are synchronous: for files of a few kilobytes, trips to the thread pool cost about
 * three times the CPU of doing the work at once, and a bulk import is bound by this thread.
 */
export function writeCaptureForBatch(root: string, content: CapturedContent, zippedOriginal: Uint8Array, kind: OriginalKind): string {
  const path = capturePath(root, content.id);
  const bytes = encodeCapture(content, zippedOriginal, kind);
  try {
    writeFileSync(path, bytes);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // The shard's folder does not exist yet: the first article of that shard.
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, bytes);
  }
  return path;
}

function unreadable(id: string, path: string, error: unknown): CuttingsError {
  const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is missing' : (error as Error).message;
  return new CuttingsError('library', `library: cannot read the content of article ${id} (${path}: ${reason})`);
}

/** Splits a whole capture file into its content's bytes, the original's kind and the gzipped original. */
function splitCapture(bytes: Buffer): { head: Buffer; kind: OriginalKind; zipped: Buffer } {
  const first = bytes.indexOf(NEWLINE);
  const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1);
  const kind = second < 0 ? '' : bytes.toString('latin1', first + 1, second);
  if (!ORIGINAL_KINDS.includes(kind as OriginalKind)) throw new Error('not a capture file (no original kind after the content)');
  return { head: bytes.subarray(0, first), kind: kind as OriginalKind, zipped: bytes.subarray(second + 1) };
}

/**
 * A file's first line gathered from chunks read one after another (the content of a capture
 * without its original, which can be a large PDF): read into space(), then hand took() the
 * count read until it answers the line.
 */
class FirstLine {
  private buffer = Buffer.allocUnsafe(64 * 1024);
  private length = 0;

  /** Where the next chunk goes (the buffer doubles when full). */
  space(): Buffer {
    if (this.length === this.buffer.length) {
      const larger = Buffer.allocUnsafe(this.buffer.length * 2);
      this.buffer.copy(larger, 0, 0, this.length);
      this.buffer = larger;
    }
    return this.buffer.subarray(this.length);
  }

  /** Takes in a chunk of `read` bytes; the line once its end has come, else null. */
  took(read: number): Buffer | null {
    const end = this.buffer.indexOf(NEWLINE, this.length);
    this.length += read;
    if (end >= 0 && end < this.length) return this.buffer.subarray(0, end);
    if (read === 0) throw new Error('not a capture file (the content is not followed by a line break)');
    return null;
  }
}

/** The first line of a file: the content of a capture. */
function readHeadSync(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const line = new FirstLine();
    for (;;) {
      const space = line.space();
      const found = line.took(readSync(fd, space, 0, space.length, null));
      if (found) return found;
    }
  } finally {
    closeSync(fd);
  }
}

/** readHeadSync through the thread pool. */
async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const line = new FirstLine();
    for (;;) {
      const space = line.space();
      const found = line.took((await file.read(space, 0, space.length, null)).bytesRead);
      if (found) return found;
    }
  } finally {
    await file.close();
  }
}

/** Reads an article's capture; a missing or damaged one is a library error naming the file. */
export async function readCapture(root: string, id: string): Promise<CapturedContent> {
  const path = capturePath(root, id);
  try {
    return JSON.parse((await readHead(path)).toString('utf8')) as CapturedContent;
  } catch (error) {
    throw unreadable(id, path, error);
  }
}

/**
 * readCapture without the thread pool, for bulk reads (exports) and threads that may wait (the
 * search worker): a small file read synchronously costs a fraction of the round trips an
 * asynchronous read makes. Bulk callers read a few dozen at a time and then let the thread
 * go. `raw` is the content's bytes as stored (the JSON of the first line).
 */
export function readCaptureSync(root: string, id: string): { content: CapturedContent; raw: Buffer } {
  const path = capturePath(root, id);
  try {
    const raw = readHeadSync(path);
    return { content: JSON.parse(raw.toString('utf8')) as CapturedContent, raw };
  } catch (error) {
    throw unreadable(id, path, error);
  }
}

/**
 * The whole capture without the thread pool, for bulk reads (the archive export): the
 * content's bytes as stored (`raw`) and the original, unzipped.
 */
export function readStoredCaptureSync(root: string, id: string): { raw: Buffer; original: { kind: OriginalKind; bytes: Buffer } } {
  const path = capturePath(root, id);
  try {
    const parts = splitCapture(readFileSync(path));
    return { raw: parts.head, original: { kind: parts.kind, bytes: gunzipSync(parts.zipped) } };
  } catch (error) {
    throw unreadable(id, path, error);
  }
}

/** Reads and unzips the original bytes; a missing or damaged capture is a library error naming the file. */
export async function readOriginal(root: string, id: string): Promise<{ kind: OriginalKind; bytes: Buffer }> {
  const path = capturePath(root, id);
  let parts: ReturnType<typeof splitCapture>;
  try {
    parts = splitCapture(await readFile(path));
  } catch (error) {
    throw unreadable(id, path, error);
  }
  return { kind: parts.kind, bytes: await gunzipAsync(parts.zipped) };
}

/** Removes an article's capture (used to undo an add that could not be completed). */
export async function removeCapture(root: string, id: string): Promise<void> {
  await rm(capturePath(root, id), { force: true });
}

/** The ids of every capture on disk, shard by shard. */
export async function listCaptureIds(root: string, shards?: string[]): Promise<string[]> {
  const articles = join(root, 'articles');
  const wanted = shards ?? (await readdir(articles).catch(() => [] as string[]));
  const ids: string[] = [];
  for (const shard of wanted) {
    const names = await readdir(join(articles, shard)).catch(() => [] as string[]);
    for (const name of names) {
      if (name.endsWith(CAPTURE_SUFFIX) && !name.startsWith('.')) ids.push(name.slice(0, -CAPTURE_SUFFIX.length));
    }
  }
  return ids;
}
