/**
 * The JSON Lines of articles in the export schema (schema.ts), one article a line: what the
 * JSONL export writes, and what its worker (export-worker.ts) makes of the chunks it is given.
 */
import type { ArticleRecord } from '../storage/article-record';
import { readCaptureSync, type CapturedContent } from '../storage/captures';
import { toExportedArticle } from './schema';

/** One article's line, its end included. */
export function jsonlLine(record: ArticleRecord, content: CapturedContent): string {
  return `${JSON.stringify(toExportedArticle(record, content))}\n`;
}

/** The lines of some articles, their captures read synchronously from the library at `root`, in order. */
export function jsonlLines(root: string, records: readonly ArticleRecord[]): string {
  let text = '';
  for (const record of records) text += jsonlLine(record, readCaptureSync(root, record.id).content);
  return text;
}
