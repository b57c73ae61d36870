/**
 * One JSON document: `{"format": "cuttings.articles", "schemaVersion": 1, "exported": …,
 * "count": n, "articles": [ … ]}`, each article in the export schema (schema.ts). Written
 * article by article, so that a large export never exists as one string in memory.
 */
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { readArticles } from './read-articles';
import { SCHEMA_VERSION, toExportedArticle } from './schema';

/** The `format` member of a Cuttings JSON export. */
export const JSON_FORMAT_NAME = 'cuttings.articles';

/** Exports the records as one JSON document at `path`. */
export async function exportJson(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  const header = {
    format: JSON_FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    exported: (options.now ?? new Date()).toISOString(),
    app: `Cuttings ${APP_VERSION}`,
    count: records.length,
  };
  await writeFileAtomically(path, async (sink) => {
    await sink.write(`${JSON.stringify(header).slice(0, -1)},"articles":[`);
    let done = 0;
    let chunk = '';
    for await (const { record, content } of readArticles(library.path, records, options.signal)) {
      chunk += `${done === 0 ? '' : ','}\n${JSON.stringify(toExportedArticle(record, content))}`;
      done++;
      if (chunk.length > 262_144) {
        await sink.write(chunk);
        chunk = '';
        options.onProgress?.(done, records.length);
      }
    }
    await sink.write(`${chunk}\n]}\n`);
    options.onProgress?.(done, records.length);
  });
}
