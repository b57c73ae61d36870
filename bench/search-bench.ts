/**
 * The search benchmark: the fixed queries against Cuttings (index in its worker,
 * a page of 20 hits with snippets and the total) and against SQLite FTS5 (better-sqlite3)
 * over the same articles, in the same run.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { listCaptureIds, readCaptureSync } from '../main/core/storage/captures';
import Database from 'better-sqlite3';
import { BENCH_QUERIES } from './queries';
import { runChild } from './run-child';
import { percentile } from './stats';

/** The search member of the benchmark's JSON line. */
export interface SearchResult {
  p50_ms: number;
  p95_ms: number;
  fts5_p50_ms: number;
  fts5_p95_ms: number;
  index_load_s: number;
  index_build_s: number;
  index_heap_mb: number;
  /** The process's RSS once search is ready (catalog and index worker). */
  rss_ready_mb: number;
  /** The longest the main thread stalled while searching and rebuilding the index. */
  max_main_thread_block_ms: number;
  /** The same while the library opened and the index loaded. */
  max_main_thread_block_open_ms: number;
}

/** Runs the search benchmark over the library the storage benchmark made. */
export async function benchSearch(work: string, libraryPath: string, log: (line: string) => void): Promise<SearchResult> {
  const cuttings = await runChild<{ loadSeconds: number; buildSeconds: number; p50: number; p95: number; heapMb: number; rssMb: number; maxBlockOpenMs: number; maxBlockMs: number }>(
    'search-child.ts',
    [libraryPath],
  );
  log(`search: Cuttings p50 ${cuttings.p50.toFixed(1)} ms, p95 ${cuttings.p95.toFixed(1)} ms`);
  const fts5 = await benchFts5(work, libraryPath);
  log(`search: FTS5 p50 ${fts5.p50.toFixed(1)} ms, p95 ${fts5.p95.toFixed(1)} ms`);
  return {
    p50_ms: cuttings.p50,
    p95_ms: cuttings.p95,
    fts5_p50_ms: fts5.p50,
    fts5_p95_ms: fts5.p95,
    index_load_s: cuttings.loadSeconds,
    index_build_s: cuttings.buildSeconds,
    index_heap_mb: cuttings.heapMb,
    rss_ready_mb: cuttings.rssMb,
    max_main_thread_block_ms: cuttings.maxBlockMs,
    max_main_thread_block_open_ms: cuttings.maxBlockOpenMs,
  };
}

/** The same articles in an FTS5 table, the same queries: a page of 20 with snippets, and the count. */
async function benchFts5(work: string, libraryPath: string): Promise<{ p50: number; p95: number }> {
  const db = new Database(join(work, 'fts5.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE VIRTUAL TABLE articles USING fts5(title, text, tags UNINDEXED)');
  const insert = db.prepare('INSERT INTO articles (title, text, tags) VALUES (?, ?, ?)');
  const articles = join(libraryPath, 'articles');
  const load = db.transaction((rows: [string, string, string][]) => {
    for (const row of rows) insert.run(...row);
  });
  for (const shard of await readdir(articles)) {
    const rows: [string, string, string][] = [];
    for (const id of await listCaptureIds(libraryPath, [shard])) {
      const { content } = readCaptureSync(libraryPath, id);
      rows.push([content.record?.title ?? '', content.text, (content.record?.tags ?? []).join(' ')]);
    }
    load(rows);
  }
  const page = db.prepare(
    "SELECT rowid, title, snippet(articles, 1, '[', ']', '…', 24) AS snippet FROM articles WHERE articles MATCH ? AND (? IS NULL OR tags = ?) ORDER BY rank LIMIT 20",
  );
  const count = db.prepare('SELECT count(*) AS n FROM articles WHERE articles MATCH ? AND (? IS NULL OR tags = ?)');
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const query of BENCH_QUERIES) {
      const tag = query.tag ?? null;
      const begin = performance.now();
      page.all(query.fts5, tag, tag);
      count.get(query.fts5, tag, tag);
      times.push(performance.now() - begin);
    }
  }
  db.close();
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
