/**
 * `cuttings import PATH [--format F]`: reads a file or folder in one of IMPORT_FORMATS and
 * adds its articles, each whole or not at all, reporting how many went in, which were
 * skipped as duplicates and which failed with why. The archive is restored losslessly;
 * everything else is clipped anew (see run-import.ts).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { ClipUrlOptions } from '../fetch/clip-url';
import { CuttingsError } from '../../../common/errors';
import type { ArticleStore } from '../library/article-access';
import { importArchive } from './archive';
import { readCslJson } from './csl-json';
import { detectImportFormat, type ImportFormat } from './detect-format';
import { listSavedPages, readHtmlFolder } from './html-folder';
import type { ImportCandidate, ImportReport } from './import-candidate';
import { readNetscapeBookmarks } from './netscape-bookmarks';
import { candidateFromExported, readOwnCsv, readOwnJson } from './own-formats';
import { readPocketCsv } from './pocket-csv';
import { readRis } from './ris';
import { runImport } from './run-import';
import { readWallabag } from './wallabag';
import { importWebArchive } from './web-archive';
import type { ZipLimits } from './zip-reader';

export type { ImportReport } from './import-candidate';
export { detectImportFormat, IMPORT_FORMATS, parseImportFormat, type ImportFormat } from './detect-format';

/** Options for importPath. */
export interface ImportOptions {
  /** The format; found from the file when absent (detectImportFormat). */
  format?: ImportFormat;
  onProgress?: (done: number, total: number) => void;
  /** Archive safety limits (tests lower them). */
  zipLimits?: ZipLimits;
  /** Fetch the pages of URL-only records (bookmarks, Pocket items) rather than keep just their addresses. */
  fetch?: ClipUrlOptions;
}

/** Imports the file or folder at `path`. The original JSONL lines format goes through import-jsonl.ts instead. */
export async function importPath(library: ArticleStore, path: string, options: ImportOptions = {}): Promise<ImportReport> {
  const format = options.format ?? (await detectImportFormat(path));
  const what = basename(path);
  if (format === 'jsonl-lines') throw new CuttingsError('invalid-input', 'import: JSON Lines in the original form are imported with importJsonl');
  if (format === 'archive') return importArchive(library, path, options.onProgress, options.zipLimits);
  if (format === 'warc' || format === 'wacz') return importWebArchive(library, path, format, { onProgress: options.onProgress, zipLimits: options.zipLimits });
  if (format === 'html-folder') {
    const pages = await listSavedPages(path).catch((error: unknown) => {
      throw new CuttingsError('invalid-input', `import: cannot read the folder ${path}: ${(error as Error).message}`);
    });
    if (pages.length === 0) throw new CuttingsError('invalid-input', `import: ${path} holds no .html or .htm pages`);
    return runImport(library, format, readHtmlFolder(path, pages), { onProgress: options.onProgress, total: pages.length, fetch: options.fetch });
  }
  if (format === 'jsonl') return runImport(library, format, readJsonlLines(path), { onProgress: options.onProgress, fetch: options.fetch });
  const text = await readText(path);
  const candidates = await candidatesOf(format, text, what);
  return runImport(library, format, candidates, { onProgress: options.onProgress, total: Array.isArray(candidates) ? candidates.length : 0, fetch: options.fetch });
}

async function candidatesOf(format: Exclude<ImportFormat, 'archive' | 'html-folder' | 'jsonl' | 'jsonl-lines' | 'warc' | 'wacz'>, text: string, what: string): Promise<Iterable<ImportCandidate>> {
  switch (format) {
    case 'json':
      return [...readOwnJson(text, what)];
    case 'csv':
      return [...readOwnCsv(text, what)];
    case 'pocket':
      return [...readPocketCsv(text, what)];
    case 'bookmarks':
      return readNetscapeBookmarks(text);
    case 'wallabag':
      return [...readWallabag(parseJson(text, what), what)];
    case 'csl':
      return [...readCslJson(parseJson(text, what), what)];
    case 'ris':
      return [...readRis(text, what)];
  }
}

/** Our JSONL, a line at a time: a large export is never read whole. */
async function* readJsonlLines(path: string): AsyncGenerator<ImportCandidate> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const line of lines) {
    number++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      yield { label: `line ${number}`, error: `not valid JSON (${(error as Error).message})` };
      continue;
    }
    yield candidateFromExported(value, `line ${number}`, Buffer.from(line, 'utf8'));
  }
}

/** The largest text file read whole (JSON, CSV, RIS, bookmarks). */
const MAX_TEXT_BYTES = 1024 ** 3;

async function readText(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (info.size > MAX_TEXT_BYTES) throw new CuttingsError('bad-content', `import: ${path} is larger than 1 GB; split it, or export as JSONL or an archive`);
    return new TextDecoder('utf-8').decode(await readFile(path));
  } catch (error) {
    if (error instanceof CuttingsError) throw error;
    throw new CuttingsError('invalid-input', `import: cannot read ${path}: ${(error as Error).message}`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CuttingsError('bad-content', `import: ${what} is not valid JSON (${(error as Error).message})`);
  }
}
