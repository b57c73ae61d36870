/**
 * The export benchmark: how long `cuttings export` takes as CSV and as JSONL over
 * the whole library (target: within 10 s each at 100,000 articles), and as a Cuttings
 * archive over 10,000 articles (or the whole library when it is smaller), and the same
 * articles as a WACZ (target: within 3× the archive, in the same run; its peak RSS is
 * sampled as it runs, to show that memory stays flat). The library is
 * opened read-only, as `cuttings export` opens it; each output is written to a temporary
 * folder and removed.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportArchive } from '../main/core/export/archive';
import { exportCsv } from '../main/core/export/csv';
import { exportJsonl } from '../main/core/export/jsonl';
import { exportWacz } from '../main/core/export/wacz';
import { Library } from '../main/core/library';
import { EXPORT_WORKER } from './storage-bench';

/** The export member of the benchmark's JSON line. */
export interface ExportResult {
  csv_s: number;
  jsonl_s: number;
  archive_s: number;
  /** How many articles the archive held: 10,000, or fewer in a smaller library. */
  archive_articles: number;
  /** The same articles as a WACZ. */
  wacz_s: number;
  /** The process's resident memory at most while the WACZ was written, and before it began. */
  wacz_peak_rss_mb: number;
  rss_before_wacz_mb: number;
}

const ARCHIVE_ARTICLES = 10_000;

/** Exports the library at `libraryPath` three ways and times each. */
export async function benchExport(libraryPath: string, log: (line: string) => void): Promise<ExportResult> {
  const out = await mkdtemp(join(tmpdir(), 'cuttings-export-bench-'));
  // With the export worker, as the app and the CLI open it: JSON Lines shares its work with it.
  const library = await Library.open(libraryPath, { readOnly: true, exportWorker: EXPORT_WORKER });
  try {
    const records = library.list().map((summary) => library.record(summary.id));
    const time = async (name: string, path: string, run: () => Promise<unknown>) => {
      const started = performance.now();
      await run();
      const seconds = (performance.now() - started) / 1000;
      log(`export: ${name} in ${seconds.toFixed(2)} s (${((await stat(path)).size / 1e6).toFixed(1)} MB)`);
      return seconds;
    };
    const csv = join(out, 'articles.csv');
    const jsonl = join(out, 'articles.jsonl');
    const archive = join(out, 'articles.zip');
    const wacz = join(out, 'articles.wacz');
    const inArchive = records.slice(0, ARCHIVE_ARTICLES);
    const result = {
      csv_s: await time(`${records.length} articles as CSV`, csv, () => exportCsv(library, records, csv)),
      jsonl_s: await time(`${records.length} articles as JSONL`, jsonl, () => exportJsonl(library, records, jsonl)),
      archive_s: await time(`${inArchive.length} articles as an archive`, archive, () => exportArchive(library, inArchive, archive)),
      archive_articles: inArchive.length,
    };
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const waczSeconds = await time(`${inArchive.length} articles as a WACZ`, wacz, () => exportWacz(library, inArchive, wacz)).finally(() => clearInterval(sampler));
    return { ...result, wacz_s: waczSeconds, wacz_peak_rss_mb: peak / 2 ** 20, rss_before_wacz_mb: rssBefore / 2 ** 20 };
  } finally {
    await library.close();
    await rm(out, { recursive: true, force: true });
  }
}
