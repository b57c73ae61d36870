/**
 * The storage benchmark: import N articles, open the library in a fresh process,
 * make durable tag edits, and do the same edits on one plain lowdb file holding the same
 * catalog as the yardstick.
 */
import { createWriteStream } from 'node:fs';
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { importJsonl } from '../main/core/import/import-jsonl';
import { Library } from '../main/core/library';
import type { ArticleRecord } from '../main/core/storage/article-record';
import { generateArticles } from './bbc-corpus';
import { runChild } from './run-child';
import { percentile } from './stats';

/** The storage member of the benchmark's JSON line. */
export interface StorageResult {
  articles: number;
  import_s: number;
  /** CPU time of the import, every thread of this process (the clip and search workers are threads). */
  import_cpu_s: number;
  /** The largest heap this process's main thread held during the import, sampled every 250 ms. */
  import_heap_mb: number;
  open_s: number;
  tag_edit_p50_ms: number;
  tag_edit_p95_ms: number;
  bytes_written_per_edit: number;
  /** Bytes each edit appends to the catalog's journal, besides its shard. */
  journal_bytes_per_edit: number;
  rss_mb: number;
  /** After open, reading every shard the catalog's summary stood for (the app does it in the background), and the RSS then. */
  catalog_read_s: number;
  rss_catalog_read_mb: number;
  /** A pasted clip after opening: the first (which also makes the duplicate index), and the later ones. */
  first_add_ms: number;
  add_p50_ms: number;
  add_p95_ms: number;
  /** The longest the main thread was held while clips were added (event-loop delay, 5 ms resolution). */
  add_max_block_ms: number;
  /** The first pasted clip of the session after, which reads the duplicate index saved at the close before, and the main thread's longest hold in it. */
  first_add_after_restart_ms: number;
  add_after_restart_max_block_ms: number;
  /** Null above NAIVE_LOWDB_MAX articles, where it is skipped. */
  naive_lowdb_tag_edit_p95_ms: number | null;
}

const EDITS = 300;
/**
 * The plain-lowdb yardstick rewrites the whole catalog in one file per edit: above this many
 * articles it is skipped (issue #22 allows it), as it would take minutes and gigabytes and
 * measure nothing new.
 */
export const NAIVE_LOWDB_MAX = 100_000;

/** The built search worker, as the app and the CLI use it. */
export const SEARCH_WORKER = join(import.meta.dirname, '..', 'dist', 'main', 'core', 'search-worker.js');
/** The built clip worker, as the app and the CLI use it for bulk imports. */
export const CLIP_WORKER = join(import.meta.dirname, '..', 'dist', 'main', 'core', 'clip-worker.js');
/** The built export worker, as the app and the CLI use it for long JSON Lines exports. */
export const EXPORT_WORKER = join(import.meta.dirname, '..', 'dist', 'main', 'core', 'export-worker.js');

/** Writes the generated articles as a JSONL file for `cuttings import`. */
export async function writeJsonl(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (const article of generateArticles(count)) {
    if (!out.write(`${JSON.stringify(article)}\n`)) await new Promise((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Runs the storage benchmark in `work` (an empty folder) and returns its figures. */
export async function benchStorage(work: string, count: number, log: (line: string) => void): Promise<StorageResult> {
  const jsonl = join(work, 'articles.jsonl');
  const libraryPath = join(work, 'library');
  await writeJsonl(jsonl, count);
  log(`storage: ${count} articles written to ${jsonl} (${((await stat(jsonl)).size / 1e6).toFixed(0)} MB)`);

  const importStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 250);
  const library = await Library.open(libraryPath, { searchWorker: SEARCH_WORKER, clipWorker: CLIP_WORKER });
  const summary = await importJsonl(library, jsonl);
  await library.close();
  clearInterval(sampler);
  const importSeconds = (performance.now() - importStarted) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  if (summary.failed.length > 0) throw new Error(`bench: ${summary.failed.length} lines failed to import, first: ${summary.failed[0]!.message}`);
  log(`storage: imported ${summary.imported} in ${importSeconds.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MB)`);

  const opened = await runChild<{
    openSeconds: number;
    rssMb: number;
    catalogReadSeconds: number;
    rssReadMb: number;
    p50: number;
    p95: number;
    journalBytesPerEdit: number;
    firstAddMs: number;
    addP50: number;
    addP95: number;
    addMaxBlockMs: number;
  }>('open-child.ts', [libraryPath, String(EDITS)]);
  const restarted = await runChild<{ firstAddMs: number; maxBlockMs: number }>('restart-child.ts', [libraryPath]);
  log(`storage: every catalog shard read ${opened.catalogReadSeconds.toFixed(2)} s after open (RSS then ${opened.rssReadMb.toFixed(0)} MB)`);
  log(`storage: opened in ${opened.openSeconds.toFixed(2)} s (RSS ${opened.rssMb.toFixed(0)} MB); tag edits p50 ${opened.p50.toFixed(1)} ms, p95 ${opened.p95.toFixed(1)} ms`);
  log(`storage: pasted clips: first ${opened.firstAddMs.toFixed(0)} ms, then p50 ${opened.addP50.toFixed(0)} ms, p95 ${opened.addP95.toFixed(0)} ms; main thread held at most ${opened.addMaxBlockMs.toFixed(0)} ms`);
  log(`storage: the first clip after a restart (the duplicate index read as saved): ${restarted.firstAddMs.toFixed(0)} ms; main thread held at most ${restarted.maxBlockMs.toFixed(0)} ms`);

  const shards = await readdir(join(libraryPath, 'catalog'));
  let shardBytes = 0;
  for (const name of shards) shardBytes += (await stat(join(libraryPath, 'catalog', name))).size;

  return {
    articles: summary.imported,
    import_s: importSeconds,
    import_cpu_s: (cpu.user + cpu.system) / 1e6,
    import_heap_mb: peakHeap / 2 ** 20,
    open_s: opened.openSeconds,
    tag_edit_p50_ms: opened.p50,
    tag_edit_p95_ms: opened.p95,
    // An edit rewrites its one shard whole.
    bytes_written_per_edit: Math.round(shardBytes / shards.length),
    journal_bytes_per_edit: opened.journalBytesPerEdit,
    rss_mb: opened.rssMb,
    catalog_read_s: opened.catalogReadSeconds,
    rss_catalog_read_mb: opened.rssReadMb,
    first_add_ms: opened.firstAddMs,
    add_p50_ms: opened.addP50,
    add_p95_ms: opened.addP95,
    add_max_block_ms: opened.addMaxBlockMs,
    first_add_after_restart_ms: restarted.firstAddMs,
    add_after_restart_max_block_ms: restarted.maxBlockMs,
    naive_lowdb_tag_edit_p95_ms: summary.imported > NAIVE_LOWDB_MAX ? null : await benchNaiveLowdb(work, libraryPath),
  };
}

/** The same kind of edits on one plain lowdb file (lowdb's own JSONFile adapter) with the whole catalog. */
async function benchNaiveLowdb(work: string, libraryPath: string): Promise<number> {
  const records: Record<string, ArticleRecord> = {};
  for (const name of await readdir(join(libraryPath, 'catalog'))) {
    Object.assign(records, JSON.parse(await readFile(join(libraryPath, 'catalog', name), 'utf8')).articles);
  }
  const path = join(work, 'naive-catalog.json');
  await writeFile(path, JSON.stringify({ articles: records }));
  const db = new Low<{ articles: Record<string, ArticleRecord> }>(new JSONFile(path), { articles: {} });
  await db.read();
  const ids = Object.keys(db.data.articles);
  const times: number[] = [];
  for (let i = 0; i < Math.min(EDITS, 100); i++) {
    const id = ids[(i * 7919) % ids.length]!;
    const begin = performance.now();
    db.data.articles[id]!.tags.push(`bench/naive-${i}`);
    await db.write();
    times.push(performance.now() - begin);
  }
  return percentile(times, 95);
}
