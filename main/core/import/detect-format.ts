/**
 * Tells which format a file to import is in, from its extension and, where that is not
 * enough (a .json or .csv can be ours or another tool's), from its first bytes.
 */
import { open, stat } from 'node:fs/promises';
import { constants, gunzipSync } from 'node:zlib';
import { extname } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import { JSON_FORMAT_NAME } from '../export/json';
import { parseCsv } from './csv-parse';
import { looksLikeBookmarks } from './netscape-bookmarks';
import { isPocketHeader } from './pocket-csv';
import { looksLikeRis } from './ris';

/** The formats `cuttings import` reads, by the name `--format` takes. */
export const IMPORT_FORMATS = {
  archive: 'a Cuttings archive (.zip)',
  json: "Cuttings' JSON export",
  jsonl: "Cuttings' JSONL export",
  'jsonl-lines': 'JSON Lines of {"title", "text" or "html", "url", "source", "published", "tags"} (the original import)',
  csv: "Cuttings' CSV export",
  pocket: "Pocket's CSV export",
  bookmarks: 'Netscape bookmark HTML (browsers, Pocket, Raindrop)',
  wallabag: "wallabag's JSON export",
  csl: 'CSL-JSON (Zotero, citation-js)',
  ris: 'RIS (Zotero, EndNote)',
  'html-folder': 'a folder of saved .html pages',
  warc: 'a WARC web archive (.warc, .warc.gz)',
  wacz: 'a WACZ web archive (.wacz)',
} as const;

/** A format `cuttings import` reads. */
export type ImportFormat = keyof typeof IMPORT_FORMATS;

/** Checks a `--format` value. */
export function parseImportFormat(value: string): ImportFormat {
  if (Object.hasOwn(IMPORT_FORMATS, value)) return value as ImportFormat;
  throw new CuttingsError('invalid-input', `import: unknown format ${JSON.stringify(value)}; choose one of ${Object.keys(IMPORT_FORMATS).join(', ')}`);
}

/** The first `bytes` of a file. */
async function headBytes(path: string, bytes = 65_536): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Whether a file's first bytes are a WARC's: a version line, or gzip that starts with one. */
function looksLikeWarc(start: Buffer): boolean {
  if (start[0] === 0x1f && start[1] === 0x8b) {
    try {
      // The first member is one record; its first bytes are enough (a partial inflate).
      return /^WARC\/\d/u.test(gunzipSync(start, { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1', 0, 8));
    } catch {
      return false;
    }
  }
  return /^WARC\/\d/u.test(start.toString('latin1', 0, 8));
}

/** Works out the format of the file or folder at `path`; throws naming it when it cannot. */
export async function detectImportFormat(path: string): Promise<ImportFormat> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CuttingsError('invalid-input', `import: cannot read ${path}: ${code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
  }
  if (info.isDirectory()) return 'html-folder';
  const extension = extname(path).toLowerCase();
  const bytes = await headBytes(path);
  const start = bytes.toString('utf8');
  const text = start.replace(/^\uFEFF/u, '');
  if (extension === '.wacz') return 'wacz';
  if (/\.warc(\.gz)?$/iu.test(path) || looksLikeWarc(bytes)) return 'warc';
  if (extension === '.zip' || start.startsWith('PK\u0003\u0004')) return 'archive';
  if (extension === '.jsonl' || extension === '.ndjson') {
    const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
    return /"schemaVersion"\s*:/u.test(first) ? 'jsonl' : 'jsonl-lines';
  }
  if (extension === '.ris' || looksLikeRis(text)) return 'ris';
  if (extension === '.html' || extension === '.htm') {
    if (looksLikeBookmarks(text)) return 'bookmarks';
    throw new CuttingsError('invalid-input', `import: ${path} is a web page, not a bookmark file: clip it with \`cuttings add\`, or import the folder it is in`);
  }
  if (extension === '.json' || /^\s*[[{]/u.test(text)) return jsonKind(path, text);
  if (extension === '.csv') {
    // The header is the first record; a quoted header may hold commas.
    const header = (parseCsv(text.split(/\r?\n/u)[0] ?? '', path)[0] ?? []).map((name) => name.trim().toLowerCase());
    if (isPocketHeader(header)) return 'pocket';
    if (header.includes('title')) return 'csv';
    throw new CuttingsError('bad-content', `import: ${path} is a CSV file with neither Cuttings' columns (id, title, url, …) nor Pocket's (title, url, time_added, tags)`);
  }
  throw new CuttingsError(
    'invalid-input',
    `import: cannot tell what kind of file ${path} is; give --format (${Object.keys(IMPORT_FORMATS).join(', ')})`,
  );
}

/** Which JSON it is, from its start (the whole file need not be read). */
function jsonKind(path: string, text: string): ImportFormat {
  if (new RegExp(`"format"\\s*:\\s*"${JSON_FORMAT_NAME.replace('.', '\\.')}"`, 'u').test(text) || /^\s*\[\s*\{\s*"schemaVersion"/u.test(text)) return 'json';
  if (/^\s*\[/u.test(text)) {
    if (/"is_archived"\s*:|"given_url"\s*:|"reading_time"\s*:/u.test(text)) return 'wallabag';
    if (/"type"\s*:\s*"[a-z-]+"/u.test(text) && /"(title|URL|container-title)"\s*:/u.test(text)) return 'csl';
  }
  throw new CuttingsError('bad-content', `import: ${path} is JSON, but neither a Cuttings export, a wallabag export nor CSL-JSON; give --format if it is one of them`);
}
