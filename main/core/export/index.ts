/**
 * `cuttings export --format F [--query Q | --tag T | ID…] -o PATH`: the formats, and the one
 * call that resolves the selection and writes it. Each format has its own module here; every
 * one writes under a temporary name and renames when complete (output-file.ts), reports
 * progress and can be cancelled.
 */
import { basename } from 'node:path';
import { CuttingsError } from '../../../common/errors';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import { exportArchive } from './archive';
import { exportBibtex } from './bibtex';
import { exportCsl } from './csl';
import { exportCsv } from './csv';
import { exportDataPackage } from './datapackage';
import type { ExportOptions } from './export-options';
import { exportHtmlSite } from './html-site';
import { exportJson } from './json';
import { exportJsonl } from './jsonl';
import { exportMarkdown } from './markdown';
import { exportRis } from './ris';
import { exportWacz } from './wacz';
import { exportWarc } from './warc';
import { throwIfCancelled } from './output-file';
import { resolveSelection, type ExportSelection } from './selection';

export type { ExportOptions } from './export-options';
export type { ExportSelection } from './selection';

type Exporter = (library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions) => Promise<unknown>;

/** The formats, by the name `--format` takes, with what each writes. */
export const EXPORT_FORMATS: Record<string, { description: string; run: Exporter }> = {
  archive: { description: 'a Cuttings archive (.zip): lossless, re-importable', run: exportArchive },
  json: { description: 'one JSON document, every field (schemaVersion 2)', run: exportJson },
  jsonl: { description: 'JSON Lines, one article a line, every field', run: exportJsonl },
  csv: { description: 'CSV for spreadsheets, R and pandas (--text adds the text, --bom for Excel)', run: exportCsv },
  md: { description: 'Markdown with YAML front matter, one file an article, zipped', run: exportMarkdown },
  html: { description: 'a static HTML site (a folder): index with tag filters, a page an article', run: exportHtmlSite },
  bibtex: { description: 'BibLaTeX (.bib), newspaper articles', run: exportBibtex },
  ris: { description: 'RIS (type NEWS) for Zotero, EndNote, Mendeley', run: exportRis },
  csl: { description: 'CSL-JSON (type article-newspaper)', run: exportCsl },
  datapackage: { description: 'a Frictionless Data Package (a folder): the CSV and datapackage.json', run: exportDataPackage },
  warc: { description: 'WARC 1.1 (.warc.gz): each cutting as captured, for web archives', run: exportWarc },
  wacz: { description: 'WACZ 1.1.1 (.wacz): the WARC with its index and pages, for ReplayWeb.page', run: exportWacz },
};

/** A format `cuttings export` writes. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** Checks a `--format` value. */
export function parseExportFormat(value: string): ExportFormat {
  if (Object.hasOwn(EXPORT_FORMATS, value)) return value;
  throw new CuttingsError('invalid-input', `export: unknown format ${JSON.stringify(value)}; choose one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
}

/** Exports the selected articles in `format` to `path`; resolves to how many were written. */
export async function exportArticles(
  library: ArticleReader,
  format: ExportFormat,
  selection: ExportSelection,
  path: string,
  options: ExportOptions = {},
): Promise<number> {
  const exporter = EXPORT_FORMATS[parseExportFormat(format)]!;
  const records = await resolveSelection(library, selection);
  throwIfCancelled(options.signal);
  await exporter.run(library, records, path, options);
  // What left the library, the custody log records (evidence/custody-log.ts).
  await library.recordExport?.(format, records.map((record) => record.id), basename(path));
  return records.length;
}
