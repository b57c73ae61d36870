/**
 * JSON Lines: one article a line in the export schema (schema.ts), each line carrying its
 * own `schemaVersion` so that a line read alone (`pandas.read_json(lines=True)`, `jq -c`)
 * still says what it is. Streamed: captures are read a few at a time and written as they come.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { readArticles } from './read-articles';
import { toExportedArticle } from './schema';

/** Exports the records as JSONL at `path`. */
export async function exportJsonl(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  await writeFileAtomically(path, async (sink) => {
    let chunk = '';
    let done = 0;
    for await (const { record, content } of readArticles(library.path, records, options.signal)) {
      chunk += `${JSON.stringify(toExportedArticle(record, content))}\n`;
      done++;
      if (chunk.length > 262_144) {
        await sink.write(chunk);
        chunk = '';
        options.onProgress?.(done, records.length);
      }
    }
    await sink.write(chunk);
    options.onProgress?.(done, records.length);
  });
}
