/**
 * JSON Lines: one article a line in the export schema (schema.ts), each line carrying its
 * own `schemaVersion` so that a line read alone (`pandas.read_json(lines=True)`, `jq -c`)
 * still says what it is. Streamed: captures are read a few at a time and written as they come.
 *
 * Every line costs a capture read and parsed and an article serialised: about 100 µs of CPU
 * (10 s at 100,000, 93 s at 1,000,000 on the two-core machine), nearly all of it on the one
 * thread. With the export worker (the library's `exportWorker`), the articles go in chunks
 * of CHUNK, every other one to the worker, which this thread writes in order after its own.
 */
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { ExportWorker } from './export-worker-client';
import { jsonlLine } from './jsonl-lines';
import { writeFileAtomically } from './output-file';
import { readArticles } from './read-articles';

/** How many articles a chunk holds: a few megabytes of lines. */
const CHUNK = 500;

/** Exports the records as JSONL at `path`. */
export async function exportJsonl(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<void> {
  // A few chunks are not worth a thread's start.
  const worker = library.exportWorker && records.length >= 4 * CHUNK ? new ExportWorker(library.exportWorker) : null;
  const step = worker ? 2 * CHUNK : CHUNK;
  try {
    await writeFileAtomically(path, async (sink) => {
      let done = 0;
      for (let from = 0; from < records.length; from += step) {
        const theirs = worker ? records.slice(from + CHUNK, from + 2 * CHUNK) : [];
        const theirLines = theirs.length > 0 ? worker!.lines(library.path, theirs) : null;
        // Should this thread's chunk fail first, the worker's answer is not waited for.
        theirLines?.catch(() => undefined);
        let text = '';
        for await (const { record, content } of readArticles(library.path, records.slice(from, from + CHUNK), options.signal)) text += jsonlLine(record, content);
        await sink.write(text);
        done += Math.min(CHUNK, records.length - from);
        if (theirLines) {
          await sink.write(await theirLines);
          done += theirs.length;
        }
        options.onProgress?.(done, records.length);
      }
      if (records.length === 0) options.onProgress?.(0, 0);
    });
  } finally {
    await worker?.close();
  }
}
