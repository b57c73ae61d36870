/**
 * CSV for spreadsheets, R and pandas: RFC 4180 (comma separated, CRLF line ends, fields
 * with a comma, quote or line break in double quotes, quotes doubled), UTF-8, with an
 * optional byte order mark so that Excel reads it as UTF-8. One row an article, the columns
 * of CSV_COLUMNS (schema.ts), `text` only when asked for.
 *
 * Formula injection: a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
 * would be run as a formula by Excel, LibreOffice or Google Sheets; such a cell is written
 * with a `'` in front (OWASP's advice), which spreadsheets show as text. A cell that starts
 * with `'` gets one too, so that reading it back (restoreFormulaCell) is exact.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { CSV_COLUMNS } from './schema';
import { writeFileAtomically, throwIfCancelled, type OutputSink } from './output-file';
import { readArticles } from './read-articles';
import type { ExportOptions } from './export-options';

const FORMULA_START = /^[=+\-@\t\r']/u;

/** Puts a `'` before a cell a spreadsheet would run as a formula (and before one starting with `'`). */
export function neutraliseFormulaCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormulaCell. */
export function restoreFormulaCell(value: string): string {
  return value.length >= 2 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One field as RFC 4180 wants it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string): string {
  return /[",\r\n]/u.test(value) ? `"${value.replace(/"/gu, '""')}"` : value;
}

/** Tags as one cell: `;` between tags, `\` before a `;` or `\` inside one. */
export function joinTags(tags: readonly string[]): string {
  return tags.map((tag) => tag.replace(/[\\;]/gu, (c) => `\\${c}`)).join(';');
}

/** Splits a tags cell written by joinTags. */
export function splitTags(cell: string): string[] {
  const tags: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) current += cell[++i];
    else if (c === ';') {
      tags.push(current);
      current = '';
    } else current += c;
  }
  if (current !== '' || tags.length > 0) tags.push(current);
  return tags.map((tag) => tag.trim()).filter((tag) => tag !== '');
}

/** The cells of one article's row, before quoting. */
export function csvCells(record: ArticleRecord, text?: string): string[] {
  const cells = [
    record.id,
    record.title,
    record.url ?? '',
    record.source ?? '',
    record.author ?? '',
    record.published ?? '',
    record.clipped,
    joinTags(record.tags),
    String(record.words),
    record.provenance.originalSha256,
    record.note ?? '',
    record.highlights?.length ? JSON.stringify(record.highlights.map(({ quote, comment }) => ({ quote, comment }))) : '',
  ];
  if (text !== undefined) cells.push(text);
  return cells;
}

/** One CSV line (with its CRLF) from cells: each neutralised, then quoted as needed. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => csvField(neutraliseFormulaCell(cell))).join(',')}\r\n`;
}

/** The header line. */
export function csvHeader(withText: boolean): string {
  return csvLine(CSV_COLUMNS.filter((column) => withText || !column.optional).map((column) => column.name));
}

/** Writes the rows of `records` to a sink; reads the captures only when the text is wanted. */
export async function writeCsvRows(sink: OutputSink, library: ArticleReader, records: readonly ArticleRecord[], options: ExportOptions): Promise<void> {
  if (options.bom) await sink.write('\uFEFF');
  await sink.write(csvHeader(options.text === true));
  // Rows are gathered into chunks of about 64 KB: one write per row costs more than the rows.
  let chunk = '';
  let done = 0;
  const flush = async () => {
    if (chunk) await sink.write(chunk);
    chunk = '';
    options.onProgress?.(done, records.length);
  };
  if (options.text) {
    for await (const { record, content } of readArticles(library.path, records, options.signal)) {
      chunk += csvLine(csvCells(record, content.text));
      done++;
      if (chunk.length > 65_536) await flush();
    }
  } else {
    for (const record of records) {
      chunk += csvLine(csvCells(record));
      done++;
      if (chunk.length > 65_536) {
        throwIfCancelled(options.signal);
        await flush();
      }
    }
  }
  await flush();
}

/** Exports the records as one CSV file at `path`. */
export async function exportCsv(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeFileAtomically(path, (sink) => writeCsvRows(sink, library, records, options));
}
