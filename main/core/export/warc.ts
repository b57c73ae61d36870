/**
 * `--format warc`: the selected cuttings as one WARC 1.1 file (`.warc.gz`), each cutting as
 * the records of main/core/archive/cutting-records.ts after a warcinfo record. Written as a
 * stream under a temporary name (output-file.ts): one cutting in memory at a time.
 */
import { basename } from 'node:path';
import { warcinfoRecord } from '../archive/warcinfo';
import { WarcWriter } from '../archive/warc-writer';
import { cuttingRecords } from '../archive/cutting-records';
import { APP_VERSION } from '../storage/app-version';
import type { ArticleRecord } from '../storage/article-record';
import type { ArticleReader } from '../library/article-access';
import type { ExportOptions } from './export-options';
import { writeFileAtomically } from './output-file';
import { LibraryKeys } from '../evidence/library-keys';
import { readInOrder, readStoredCutting } from './read-articles';

/** How many cuttings are written between two progress reports. */
const PROGRESS_EVERY = 100;

/** Exports the records as a WARC at `path`, oldest first; resolves to how many records were written. */
export async function exportWarc(library: ArticleReader, records: readonly ArticleRecord[], path: string, options: ExportOptions = {}): Promise<number> {
  const now = options.now ?? new Date();
  // Oldest first: a WARC is a log of captures, in the order they were made.
  const ordered = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let count = 0;
  const keys = await LibraryKeys.open(library.path);
  await writeFileAtomically(path, async (sink) => {
    const warc = new WarcWriter(sink);
    await warc.write(warcinfoRecord(basename(path), now, `Cuttings ${APP_VERSION}`, `${ordered.length} cuttings exported from a Cuttings library`));
    count++;
    let done = 0;
    for await (const [, cutting] of readInOrder(ordered, (record) => readStoredCutting(library.path, record, keys), options.signal)) {
      for (const spec of cuttingRecords(cutting).records) {
        await warc.write(spec);
        count++;
      }
      if (++done % PROGRESS_EVERY === 0) options.onProgress?.(done, ordered.length);
    }
    options.onProgress?.(ordered.length, ordered.length);
  });
  return count;
}
