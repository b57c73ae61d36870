/**
 * Bulk import from JSON Lines: one article a line, as
 * `{"title": …, "text": … | "html": …, "url"?, "source"?, "published"?, "tags"?: […]}`.
 * Lines are clipped and stored in batches (Library.addBatch), so 100,000 articles take one
 * file-system flush per batch rather than one per article. A bad line is reported with its
 * number and does not stop the others.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CuttingsError, oneLineMessage } from '../../../common/errors';
import type { BatchItem } from '../capture/batch-item';
import type { ArticleWriter } from '../library/article-access';

/** What an import did. */
export interface ImportSummary {
  imported: number;
  failed: { line: number; message: string }[];
}

/** How many lines are clipped and stored together. */
const BATCH_SIZE = 10_000;

/**
 * Imports every line of a .jsonl file; `onProgress` hears the bytes read so far and the
 * file's size.
 */
export async function importJsonl(
  library: ArticleWriter,
  path: string,
  onProgress?: (done: number, total: number) => void,
  /** Lines clipped and stored together; smaller only in tests. */
  batchSize = BATCH_SIZE,
): Promise<ImportSummary> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CuttingsError('invalid-input', `import: cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  // With the index loaded, each batch is indexed as it is stored (in the search worker,
  // while the next batch is clipped), and the import ends with a searchable library.
  await library.prepareSearch();
  const summary: ImportSummary = { imported: 0, failed: [] };
  let batch: { line: number; item: BatchItem }[] = [];
  let bytes = 0;

  // Batches are stored one after the other: creating a batch's files while the batch before
  // is being synced made both several times slower (the file system's journal serialises
  // them). Clipping is another matter: a full batch is handed to the clip worker at once
  // (clipAhead), so the worker clips it while this thread writes and syncs the one before.
  let storing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const entries = batch;
    batch = [];
    const clipping = library.clipAhead(entries.map((entry) => entry.item));
    const readSoFar = bytes;
    await storing;
    const store = async () => {
      const result = await library.addBatch(clipping);
      summary.imported += result.added.length;
      for (const failure of result.failed) summary.failed.push({ line: entries[failure.index]!.line, message: failure.message });
      onProgress?.(readSoFar, size);
    };
    storing = store();
    // A failure surfaces at the next flush (or the last); until then lines are read on.
    storing.catch(() => undefined);
  };

  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    bytes += Buffer.byteLength(line, 'utf8') + 1;
    if (line.trim() === '') continue;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') summary.failed.push({ line: number, message: parsed });
    else batch.push({ line: number, item: parsed });
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  await storing;
  onProgress?.(size, size);
  // Lines that failed to parse are known at once, clipping failures at their batch's end.
  summary.failed.sort((a, b) => a.line - b.line);
  return summary;
}

/** Turns one line into a batch item, or returns what is wrong with it. */
function parseLine(line: string): BatchItem | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return `not valid JSON (${oneLineMessage(error)})`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  for (const field of ['title', 'text', 'html', 'url', 'source', 'published']) {
    if (record[field] !== undefined && record[field] !== null && typeof record[field] !== 'string') return `"${field}" must be a string`;
  }
  if (record.tags !== undefined && (!Array.isArray(record.tags) || !record.tags.every((tag) => typeof tag === 'string'))) {
    return '"tags" must be an array of strings';
  }
  const title = typeof record.title === 'string' ? record.title.trim() : '';
  const text = typeof record.text === 'string' ? record.text : undefined;
  const html = typeof record.html === 'string' ? record.html : undefined;
  if (text === undefined && html === undefined) return 'needs "text" or "html"';
  const options = {
    title: title || undefined,
    url: (record.url as string | undefined) ?? undefined,
    source: (record.source as string | undefined) ?? undefined,
    published: (record.published as string | undefined) ?? undefined,
    tags: (record.tags as string[] | undefined) ?? [],
  };
  const original = Buffer.from(line, 'utf8');
  if (html !== undefined) return { kind: 'html', request: { html, ...options }, original, method: 'import' };
  if (!title) return 'needs a "title" with "text"';
  // The title is given beside the text: all of the text is the article.
  return { kind: 'text', request: { text: text!, ...options }, original, method: 'import' };
}
