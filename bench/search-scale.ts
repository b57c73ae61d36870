/**
 * `npx tsx bench/search-scale.ts [--articles N] [--measure-at N,N…] [--keep]`: the search index at a size the
 * full benchmark cannot reach on a shared machine (importing 1,000,000 articles through the
 * library takes hours): the generated articles (bbc-corpus.ts) are indexed straight into a
 * SearchIndex, saved as the snapshot every 100,000 articles as a growing library would be
 * (each save merges the file's postings with the new ones), and put into SQLite FTS5 beside.
 * A fresh process (search-scale-child.ts) then loads the snapshot and runs the benchmark's
 * queries against both, a page of 20 with snippets and the total, the texts read by offset
 * from one file as the index reads captures. No library, catalog or worker: what it measures
 * is the index, its snapshot and its queries. `--measure-at` measures at some sizes on the way
 * as well (multiples of 100,000), one JSON line each. It runs from the sources.
 */
import { openSync, writeSync, closeSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { SearchIndex } from '../main/core/search/search-index';
import { saveSnapshot } from '../main/core/search/search-snapshot';
import { generateArticles } from './bbc-corpus';
import { runChild } from './run-child';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    'measure-at': { type: 'string', default: '' },
  },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 10) throw new Error(`bench: --articles must be a whole number of at least 10, not '${values.articles}'`);
const SAVE_EVERY = 100_000;
const measureAt = new Set([count, ...values['measure-at'].split(',').filter(Boolean).map(Number)]);
const log = (line: string) => console.error(line);

const work = await mkdtemp(join(tmpdir(), 'cuttings-search-scale-'));
try {
  const root = join(work, 'library');
  await mkdir(root);
  const texts = openSync(join(work, 'texts.bin'), 'w');
  const textOffsets = new Float64Array(count + 1);
  let textAt = 0;
  const db = new Database(join(work, 'fts5.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec('CREATE VIRTUAL TABLE articles USING fts5(title, text, tags UNINDEXED)');
  const insert = db.prepare('INSERT INTO articles (rowid, title, text, tags) VALUES (?, ?, ?, ?)');
  const insertMany = db.transaction((rows: [number, string, string, string][]) => {
    for (const row of rows) insert.run(...row);
  });
  let rows: [number, string, string, string][] = [];
  const index = SearchIndex.create();
  const coverage = { shardVersions: {}, shards: [], ids: [], signatures: [] };
  let indexCpu = 0;
  let saveCpu = 0;
  let n = 0;
  for (const article of generateArticles(count)) {
    // Ids that sort as the library's do (newest last), numbered so the text file can be found by them.
    const id = `a${String(n).padStart(9, '0')}`;
    const bytes = Buffer.from(article.text, 'utf8');
    writeSync(texts, bytes);
    textOffsets[n] = textAt;
    textAt += bytes.byteLength;
    const started = process.cpuUsage();
    index.add({ id, title: article.title, text: article.text, source: article.source, author: null, lang: 'en', url: null, published: article.published, clipped: `${article.published}T12:00:00.000Z`, tags: article.tags });
    const used = process.cpuUsage(started);
    indexCpu += used.user + used.system;
    rows.push([n + 1, article.title, article.text, article.tags.join(' ')]);
    n++;
    if (rows.length === 10_000) {
      insertMany(rows);
      rows = [];
    }
    if (n % SAVE_EVERY === 0 || n === count) {
      const saveStarted = process.cpuUsage();
      await saveSnapshot(root, index, coverage);
      const saved = process.cpuUsage(saveStarted);
      saveCpu += saved.user + saved.system;
      log(`scale: ${n} indexed and saved (last save ${((saved.user + saved.system) / 1e6).toFixed(1)} s CPU)`);
      if (measureAt.has(n)) await measure(n);
    }
  }
  closeSync(texts);
  db.close();
  index.close();

  /** The texts so far and the FTS5 rows so far written out, then the fresh process's figures. */
  async function measure(size: number): Promise<void> {
    insertMany(rows);
    rows = [];
    textOffsets[size] = textAt;
    const offsetsFile = openSync(join(work, 'texts.offsets'), 'w');
    writeSync(offsetsFile, new Uint8Array(textOffsets.buffer, 0, (size + 1) * 8));
    closeSync(offsetsFile);
    const measured = await runChild<Record<string, number>>('search-scale-child.ts', [work]);
    console.log(JSON.stringify({ articles: size, index_cpu_s: indexCpu / 1e6, save_cpu_s: saveCpu / 1e6, ...measured }));
  }
} finally {
  if (values.keep) log(`scale: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
