/**
 * `npm run bench [-- --articles N] [-- --json]`: the benchmarks. Prints a table; with --json
 * the last line is one JSON object with a member per benchmark. Not a test: it measures.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchStorage } from './storage-bench';
import { round } from './stats';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '100000' }, json: { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } },
});
const count = Number(values.articles);
if (!Number.isInteger(count) || count < 10) {
  console.error(`bench: --articles must be a whole number of at least 10, not '${values.articles}'`);
  process.exit(2);
}

const log = (line: string) => console.error(line);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
log(`bench: ${count} articles on ${machine}`);
const work = await mkdtemp(join(tmpdir(), 'cuttings-bench-'));
try {
  const storage = await benchStorage(work, count, log);
  const rows: [string, number, string][] = [
    ['articles', storage.articles, ''],
    ['import (indexing included), s', storage.import_s, 'target ≤ 60 at 100,000'],
    ['open, s', storage.open_s, 'target ≤ 1'],
    ['durable tag edit p50, ms', storage.tag_edit_p50_ms, ''],
    ['durable tag edit p95, ms', storage.tag_edit_p95_ms, 'target ≤ 20'],
    ['bytes written per edit', storage.bytes_written_per_edit, ''],
    ['RSS after open, MB', storage.rss_mb, 'target ≤ 400'],
    ['plain lowdb tag edit p95, ms', storage.naive_lowdb_tag_edit_p95_ms, 'yardstick (no fsync)'],
  ];
  console.log(`\nCuttings benchmark — ${machine}\n`);
  console.log('storage');
  for (const [name, value, note] of rows) console.log(`  ${name.padEnd(34)} ${String(round(value)).padStart(10)}  ${note}`);
  if (values.json) {
    const json = { machine, storage: Object.fromEntries(Object.entries(storage).map(([key, value]) => [key, round(value)])) };
    console.log(JSON.stringify(json));
  }
} finally {
  if (values.keep) log(`bench: kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}
