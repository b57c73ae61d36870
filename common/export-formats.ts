/**
 * What the window says about each export format, and the name a new export gets: used by the
 * Export dialog (renderer/dialogs/export-dialog.ts) and by main's save dialog (main/index.ts). The
 * formats themselves are written by main/core/export.
 */
import type { ExportFormatName } from './api';

/** A format as the user sees it. */
export interface ExportFormatInfo {
  /** Its name in the dialog's menu. */
  label: string;
  /** The file extension it is saved with, or null when it writes a folder. */
  extension: string | null;
}

/** Every format, in the order the dialog lists them. */
export const EXPORT_FORMAT_INFO: Record<ExportFormatName, ExportFormatInfo> = {
  csv: { label: 'CSV (spreadsheets, R, pandas)', extension: 'csv' },
  json: { label: 'JSON (every field)', extension: 'json' },
  jsonl: { label: 'JSON Lines (one article a line)', extension: 'jsonl' },
  archive: { label: 'Cuttings archive (.zip, lossless)', extension: 'zip' },
  md: { label: 'Markdown files (zipped)', extension: 'zip' },
  html: { label: 'HTML site (a folder)', extension: null },
  bibtex: { label: 'BibTeX / BibLaTeX', extension: 'bib' },
  ris: { label: 'RIS (Zotero, EndNote)', extension: 'ris' },
  csl: { label: 'CSL-JSON', extension: 'json' },
  datapackage: { label: 'Frictionless Data Package (a folder)', extension: null },
  warc: { label: 'WARC web archive (.warc.gz)', extension: 'warc.gz' },
  wacz: { label: 'WACZ web archive (ReplayWeb.page)', extension: 'wacz' },
};

/** The file or folder name an export in `format` is offered under, such as `cuttings-export.csv`. */
export function defaultExportName(format: ExportFormatName): string {
  const extension = EXPORT_FORMAT_INFO[format].extension;
  return extension === null ? `cuttings-${format}` : `cuttings-export.${extension}`;
}
