/** Options every export format takes. */
export interface ExportOptions {
  /** Hears how many of the selected articles are written so far, of how many. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the export; nothing is left at the target (ExportCancelledError). */
  signal?: AbortSignal;
  /** CSV and Data Package: add each article's text as a last column. */
  text?: boolean;
  /** CSV: start with a byte order mark, so that Excel reads the file as UTF-8. */
  bom?: boolean;
  /** The time written into manifests and headers; tests pin it. Default: now. */
  now?: Date;
}
